namespace Collab.Recommend.Approximate;

/// <summary>
/// Folds the item bias into an inner product, so that maximum inner product search finds the highest u·v + b: an item
/// becomes x = [v, b] and a query q = [u, 1], and q·x = u·v + b. The index searches these by inner product directly
/// (HNSW over a non-metric similarity, Morozov and Babenko, NeurIPS 2018). The Euclidean reduction that also appends
/// sqrt(M² − |x|²) to items and 0 to queries (Bachrach et al., RecSys 2014) reached a recall@10 of only 0.55 where this
/// reached 0.96 (20,000 clustered items, 100 candidates; docs/benchmarks.md), so it is not used.
/// </summary>
internal static class MipsTransform
{
    /// <summary>The transformed item rows (k + 1 each), in the order of <paramref name="rows"/>.</summary>
    public static float[][] Items(ReadOnlySpan<float> factors, ReadOnlySpan<float> bias, int k, ReadOnlySpan<int> rows)
    {
        var items = new float[rows.Length][];
        for (int r = 0; r < rows.Length; r++)
        {
            var x = new float[k + 1];
            factors.Slice(rows[r] * k, k).CopyTo(x);
            x[k] = bias[rows[r]];
            items[r] = x;
        }
        return items;
    }

    /// <summary>The transformed query for a user row.</summary>
    public static float[] Query(ReadOnlySpan<float> user)
    {
        var q = new float[user.Length + 1];
        user.CopyTo(q);
        q[user.Length] = 1f;
        return q;
    }
}
