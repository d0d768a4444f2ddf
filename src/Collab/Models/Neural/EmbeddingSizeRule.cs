namespace Collab.Models.Neural;

/// <summary>
/// fastai's embedding-size rule for the neural model (spec rule 37): min(600, round(1.6·n^0.56)) for a
/// vocabulary of n entries, #na# included. Examples: 944 → 74, 1635 → 101, 14 → 7, 11 → 6.
/// </summary>
public static class EmbeddingSizeRule
{
    /// <summary>The embedding width for a vocabulary of <paramref name="categories"/> entries.</summary>
    public static int For(int categories)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(categories);
        // Python's round() rounds halves to even, as Math.Round does by default.
        return Math.Min(CollabDefaults.MaxEmbeddingSize, Math.Max(1, (int)Math.Round(1.6 * Math.Pow(categories, 0.56))));
    }
}
