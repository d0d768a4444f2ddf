namespace Collab.Data;

/// <summary>The evaluation protocols beyond fastai's random split: by time, leave-last-out, by user, stratified by user, k-fold.</summary>
public sealed partial record DataSplit
{
    /// <summary>
    /// A global cut in time: the latest floor(validPct·n) rows (by timestamp, ties by row order) validate, so every
    /// training timestamp is at or before every validation timestamp.
    /// </summary>
    public static DataSplit ByTime(RatingsTable table, double validPct)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckShare(validPct);
        var order = TimeOrder(table);
        int cut = table.Count - (int)Math.Floor(validPct * table.Count);
        return new DataSplit(order[..cut], order[cut..]);
    }

    /// <summary>
    /// Leave-last-out: each user's latest <paramref name="count"/> rows (by timestamp, ties by row order) validate.
    /// Users with <paramref name="count"/> rows or fewer keep them all for training.
    /// </summary>
    public static DataSplit LeaveLastOut(RatingsTable table, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var order = TimeOrder(table);
        var totals = new int[table.UserIds.Count];
        foreach (var user in table.Users)
            totals[user]++;
        var remaining = totals.ToArray();
        var train = new List<int>(table.Count);
        var valid = new List<int>();
        foreach (var row in order)
        {
            int user = table.Users[row];
            // Rows arrive oldest first, so the rows a user has left count down to 1 at the latest.
            bool latest = remaining[user]-- <= count;
            (latest && totals[user] > count ? valid : train).Add(row);
        }
        return new DataSplit([.. train], [.. valid]);
    }

    /// <summary>Cold start: a seeded random floor(validPct·users) of the users validate with all their rows.</summary>
    public static DataSplit ByUser(RatingsTable table, double validPct, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(table);
        CheckShare(validPct);
        var permutation = Numerics.SeededRandom.ForStream(seed, Numerics.SeedStream.Split).Permutation(table.UserIds.Count);
        var held = new bool[permutation.Length];
        foreach (var user in permutation.AsSpan(0, (int)Math.Floor(validPct * permutation.Length)))
            held[user] = true;
        var train = new List<int>(table.Count);
        var valid = new List<int>();
        for (int row = 0; row < table.Count; row++)
            (held[table.Users[row]] ? valid : train).Add(row);
        return new DataSplit([.. train], [.. valid]);
    }

    /// <summary>
    /// Per-user stratified split, as Microsoft Recommenders' <c>python_stratified_split</c> (filter_by "user") does:
    /// users with fewer than <paramref name="minRows"/> rows are dropped from both sides (its <c>min_rating</c>); each
    /// remaining user's rows are put in a seeded random order, and row r of n (1-based) trains when r / n ≤ 1 − validPct,
    /// so a user keeps floor((1 − validPct)·n) rows for training and holds out the other ceil(validPct·n). With
    /// validPct ≤ 0.5 every user with two rows or more is on both sides; a user with a single row is held out whole
    /// (as Recommenders does with its default min_rating of 1). Rows of each side come in the seeded order.
    /// </summary>
    public static DataSplit Stratified(RatingsTable table, double validPct, ulong seed, int minRows = 1)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minRows);
        CheckShare(validPct);
        var totals = new int[table.UserIds.Count];
        foreach (var user in table.Users)
            totals[user]++;
        double trainShare = 1 - validPct;
        var trainCounts = new int[totals.Length];
        for (int user = 0; user < totals.Length; user++)
            trainCounts[user] = StratifiedTrainCount(totals[user], trainShare);
        // A seeded permutation of all rows orders each user's rows at random (Recommenders sorts by a random key).
        var permutation = Numerics.SeededRandom.ForStream(seed, Numerics.SeedStream.Split).Permutation(table.Count);
        var seen = new int[totals.Length];
        var train = new List<int>(table.Count);
        var valid = new List<int>();
        foreach (var row in permutation)
        {
            int user = table.Users[row];
            if (totals[user] < minRows)
                continue;
            (seen[user]++ < trainCounts[user] ? train : valid).Add(row);
        }
        return new DataSplit([.. train], [.. valid]);
    }

    /// <summary>How many of n rows have rank r (1-based) with r / n ≤ share, computed as Recommenders compares them.</summary>
    internal static int StratifiedTrainCount(int n, double share)
    {
        if (n == 0)
            return 0;
        int k = (int)Math.Floor(share * n);
        while (k < n && (double)(k + 1) / n <= share)
            k++;
        while (k > 0 && (double)k / n > share)
            k--;
        return k;
    }

    /// <summary>k-fold cross-validation: a seeded permutation cut into k nearly equal folds; fold f validates split f.</summary>
    public static IReadOnlyList<DataSplit> KFold(int rowCount, int folds, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowCount);
        if (folds < 2 || folds > rowCount)
            throw new ArgumentOutOfRangeException(nameof(folds), folds, $"k-fold needs 2 to {rowCount} folds.");
        var permutation = Numerics.SeededRandom.ForStream(seed, Numerics.SeedStream.Split).Permutation(rowCount);
        var splits = new DataSplit[folds];
        for (int f = 0; f < folds; f++)
        {
            int start = (int)((long)f * rowCount / folds);
            int end = (int)((long)(f + 1) * rowCount / folds);
            splits[f] = new DataSplit([.. permutation[..start], .. permutation[end..]], permutation[start..end]);
        }
        return splits;
    }

    private static int[] TimeOrder(RatingsTable table)
    {
        if (!table.HasTimestamps)
            throw new ArgumentException($"{table.Source} has no timestamp column, so it cannot be split by time. Name one with --timestamp-col, or split at random.");
        var order = Enumerable.Range(0, table.Count).ToArray();
        var timestamps = table.Timestamps.ToArray();
        Array.Sort(order, (a, b) => timestamps[a] != timestamps[b] ? timestamps[a].CompareTo(timestamps[b]) : a.CompareTo(b));
        return order;
    }

    private static void CheckShare(double validPct)
    {
        if (validPct is < 0 or >= 1 || double.IsNaN(validPct))
            throw new ArgumentOutOfRangeException(nameof(validPct), validPct, "The validation share must be at least 0 and below 1.");
    }
}
