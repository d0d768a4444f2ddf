using Collab.Data;

namespace Collab.Models.Implicit;

/// <summary>The item co-occurrence counts XᵀX of binary interactions, lower triangle of a dense n x n <c>double[]</c>.</summary>
internal static class EaseGram
{
    /// <summary>
    /// G[i, j] (j ≤ i) = users with both i and j, one row per task: row i visits the users of item i and their items,
    /// so every entry is an exact integer whatever the thread count. Duplicate (user, item) pairs count once.
    /// </summary>
    public static double[] Lower(InteractionIndex interactions, int itemCount, ParallelOptions parallel)
    {
        var users = IalsRows.Users(interactions, itemCount, confidenceScale: 0);
        var byItem = users.Transpose();
        var gram = new double[itemCount * itemCount];
        Parallel.For(0, itemCount, parallel, () => new Marks(itemCount), (i, _, marks) =>
        {
            var row = gram.AsSpan(i * itemCount, i + 1);
            int previous = -1;
            for (int n = byItem.Offsets[i]; n < byItem.Offsets[i + 1]; n++)
            {
                int u = byItem.Columns[n];
                if (u == previous)
                    continue; // the same pair again (users are in increasing order within an item)
                previous = u;
                int stamp = ++marks.Stamp;
                for (int m = users.Offsets[u]; m < users.Offsets[u + 1]; m++)
                {
                    int j = users.Columns[m];
                    if (j <= i && marks.Seen[j] != stamp)
                    {
                        marks.Seen[j] = stamp;
                        row[j] += 1;
                    }
                }
            }
            return marks;
        }, _ => { });
        return gram;
    }

    private sealed class Marks(int items)
    {
        public int[] Seen { get; } = new int[items];

        public int Stamp { get; set; }
    }
}
