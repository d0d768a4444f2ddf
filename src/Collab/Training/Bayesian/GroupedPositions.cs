namespace Collab.Training.Bayesian;

/// <summary>Positions grouped by a key (ratings by user or item, entries by column): group g holds Order[Start[g]..Start[g + 1]].</summary>
internal sealed class GroupedPositions
{
    private GroupedPositions(int[] start, int[] order)
    {
        Start = start;
        Order = order;
    }

    public int[] Start { get; }

    public int[] Order { get; }

    /// <summary>Groups positions by <paramref name="keys"/> (values below <paramref name="groups"/>), keeping their order within a group.</summary>
    public static GroupedPositions By(ReadOnlySpan<int> keys, int groups)
    {
        var start = new int[groups + 1];
        foreach (int key in keys)
            start[key + 1]++;
        for (int g = 0; g < groups; g++)
            start[g + 1] += start[g];
        var next = start[..groups];
        var order = new int[keys.Length];
        for (int n = 0; n < keys.Length; n++)
            order[next[keys[n]]++] = n;
        return new GroupedPositions(start, order);
    }
}
