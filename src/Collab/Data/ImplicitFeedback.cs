namespace Collab.Data;

/// <summary>Turns explicit ratings into implicit feedback ("who liked what"): the rows at or above a threshold, each with rating 1.</summary>
public static class ImplicitFeedback
{
    /// <summary>
    /// Keeps the rows whose rating is at least <paramref name="threshold"/> (for MovieLens, 4 means "liked") and sets
    /// their rating to 1. Ids, their order and timestamps are kept, so splits by time still work.
    /// </summary>
    public static RatingsTable Binarize(RatingsTable table, float threshold)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!float.IsFinite(threshold))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a finite number.");
        var users = new List<int>();
        var items = new List<int>();
        var timestamps = table.HasTimestamps ? new List<long>() : null;
        for (int r = 0; r < table.Count; r++)
        {
            if (table.Ratings[r] < threshold)
                continue;
            users.Add(table.Users[r]);
            items.Add(table.Items[r]);
            timestamps?.Add(table.Timestamps[r]);
        }
        var ones = new float[users.Count];
        Array.Fill(ones, 1f);
        return new RatingsTable($"{table.Source} (rating >= {threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
            table.UserIds, table.ItemIds, [.. users], [.. items], ones, timestamps?.ToArray());
    }

    /// <summary>
    /// Binarises a table with a given split: the split's rows are renumbered into the binarised table, and the rows
    /// below the threshold leave both sides.
    /// </summary>
    internal static (RatingsTable Table, DataSplit Split) Binarize(RatingsTable table, DataSplit split, float threshold)
    {
        var binarized = Binarize(table, threshold);
        var renumbered = new int[table.Count];
        for (int r = 0, kept = 0; r < table.Count; r++)
            renumbered[r] = table.Ratings[r] >= threshold ? kept++ : -1;
        int[] Keep(int[] rows) => [.. rows.Select(r => renumbered[r]).Where(r => r >= 0)];
        return (binarized, new DataSplit(Keep(split.Train), Keep(split.Valid)));
    }
}
