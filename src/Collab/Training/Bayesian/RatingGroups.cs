namespace Collab.Training.Bayesian;

/// <summary>The training ratings grouped by user (or item): group g holds Order[Start[g]..Start[g + 1]].</summary>
internal sealed class RatingGroups
{
    private RatingGroups(int[] start, int[] order)
    {
        Start = start;
        Order = order;
    }

    public int[] Start { get; }

    public int[] Order { get; }

    /// <summary>Groups rating positions by <paramref name="keys"/> (values below <paramref name="groups"/>), keeping their order.</summary>
    public static RatingGroups By(ReadOnlySpan<int> keys, int groups)
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
        return new RatingGroups(start, order);
    }
}
