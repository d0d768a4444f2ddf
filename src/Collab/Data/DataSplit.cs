namespace Collab.Data;

/// <summary>Which rows of a table train the model and which validate it (row indices into the table).</summary>
public sealed partial record DataSplit(int[] Train, int[] Valid)
{
    /// <summary>
    /// fastai v2's random splitter: a seeded permutation of the rows; the first floor(validPct·n) are the
    /// validation rows, the rest (in permuted order) the training rows.
    /// </summary>
    public static DataSplit Random(int rowCount, double validPct, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (validPct is < 0 or >= 1 || double.IsNaN(validPct))
            throw new ArgumentOutOfRangeException(nameof(validPct), validPct, "The validation share must be at least 0 and below 1.");
        var permutation = Numerics.SeededRandom.ForStream(seed, Numerics.SeedStream.Split).Permutation(rowCount);
        int cut = (int)Math.Floor(validPct * rowCount);
        return new DataSplit(permutation[cut..], permutation[..cut]);
    }
}
