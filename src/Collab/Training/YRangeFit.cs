using Collab.Models;

namespace Collab.Training;

/// <summary>
/// Fits a recipe's output range to the training ratings' own scale, so a 1-10 or a 0-1 file is neither capped nor
/// squeezed, while MovieLens's stars keep fastai's exact range.
/// </summary>
internal static class YRangeFit
{
    // The scale the recipes' ranges were written for: MovieLens's 0.5-5 stars.
    private const float ReferenceLow = 0.5f, ReferenceHigh = 5f;

    /// <summary>The range to train with, and whether it differs from the one asked for.</summary>
    public static (OutputRange? Range, bool Refitted) Resolve(OutputRange? range, bool fit, float min, float max)
    {
        if (range is not { } r || !fit || !(max > min) || Fits(r, min, max))
            return (range, false);
        float span = max - min;
        float below = (ReferenceLow - r.Low) / (ReferenceHigh - ReferenceLow);
        float above = (r.High - ReferenceHigh) / (ReferenceHigh - ReferenceLow);
        return (new OutputRange(min - below * span, max + above * span), true);
    }

    private static bool Fits(OutputRange r, float min, float max) => min >= r.Low && max <= r.High && max - min >= 0.5f * r.Width;
}
