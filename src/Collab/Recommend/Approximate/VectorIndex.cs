using Cloud.Unum.USearch;

namespace Collab.Recommend.Approximate;

/// <summary>
/// An HNSW graph over rows of a table (USearch), keyed by row. Built in one batch, in row order, on one thread: the
/// library draws node levels from a generator with a fixed seed, so the same vectors give the same graph, and a
/// query's beam search over a given graph is deterministic. Safe to query from many threads.
/// With <see cref="ApproximateOptions.HalfPrecision"/> the graph keeps its vectors as 16-bit floats: half the memory
/// traffic per distance, while the candidates are still re-scored exactly by the caller.
/// </summary>
internal sealed class VectorIndex
{
    private readonly USearchIndex _index;
    // The native index holds one search context per hardware thread and fails when more queries enter at once.
    private readonly SemaphoreSlim _gate = new(Environment.ProcessorCount);

    public VectorIndex(MetricKind metric, float[][] vectors, int[] rows, ApproximateOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfZero(vectors.Length);
        _index = new USearchIndex(metric, options.HalfPrecision ? ScalarKind.Float16 : ScalarKind.Float32, (ulong)vectors[0].Length,
            (ulong)options.Connectivity, (ulong)options.ExpansionAdd, (ulong)options.ExpansionSearch);
        // One batch: the binding then reserves room once (added one at a time, it grows by one row per call).
        _index.Add([.. rows.Select(r => (ulong)r)], vectors);
        Count = vectors.Length;
    }

    // A saved index, memory-mapped rather than read: opening it costs nothing however large it is.
    private VectorIndex(string path)
    {
        _index = new USearchIndex(path, view: true);
        Count = checked((int)_index.Size());
    }

    /// <summary>Opens an index written by <see cref="Save"/>.</summary>
    public static VectorIndex Open(string path) => new(path);

    /// <summary>Writes the index to a file (the library's own format).</summary>
    public void Save(string path) => _index.Save(path);

    /// <summary>Rows in the index.</summary>
    public int Count { get; }

    /// <summary>
    /// At least <paramref name="wanted"/> rows that <paramref name="accept"/> takes, nearest first, widening the search
    /// while too few are accepted; null once the search would cover the whole index, where an exact scan is cheaper.
    /// </summary>
    /// <param name="query">The query vector.</param>
    /// <param name="wanted">Accepted rows needed.</param>
    /// <param name="rejectedHint">About how many of the nearest rows are likely rejected (a user's seen items).</param>
    /// <param name="accept">Which rows may be returned.</param>
    public int[]? Nearest(float[] query, int wanted, int rejectedHint, Func<int, bool> accept)
    {
        for (long count = (long)wanted + rejectedHint; ; count *= 2)
        {
            if (count >= Count)
                return null;
            var kept = Search(query, (int)count).Where(accept).ToArray();
            if (kept.Length >= wanted)
                return kept;
        }
    }

    private IEnumerable<int> Search(float[] query, int count)
    {
        _gate.Wait();
        try
        {
            int found = _index.Search(query, count, out ulong[] keys, out _);
            return keys.Take(found).Select(k => (int)k);
        }
        finally
        {
            _gate.Release();
        }
    }
}
