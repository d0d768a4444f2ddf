using Collab.Numerics;

namespace Collab.Models;

/// <summary>
/// fastai's "truncated normal" initialisation, which really folds: z ~ N(0,1), fmod(z, 2) keeps the sign
/// and wraps values beyond ±2, then scales by std (spec rule 22). Values lie in (-2·std, 2·std).
/// </summary>
public static class FoldedNormal
{
    /// <summary>fastai's embedding standard deviation.</summary>
    public const float DefaultStd = 0.01f;

    /// <summary>Fills the span with folded-normal draws.</summary>
    public static void Fill(Span<float> values, SeededRandom random, float std = DefaultStd)
    {
        ArgumentNullException.ThrowIfNull(random);
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)(random.NextGaussian() % 2.0 * std); // C#'s % on doubles is C's fmod
    }
}
