namespace Collab.Recommend.Approximate;

/// <summary>
/// When and how top-N recommendations and similar items go through an approximate nearest-neighbour index (HNSW,
/// through USearch) instead of scoring every item. Candidates from the index are re-scored with the whole model, so
/// the scores returned are exact; only an item the index missed can be absent. See docs/recommend.md.
/// </summary>
public sealed record ApproximateOptions
{
    /// <summary>The default: the index above <see cref="MinItems"/> trained items, exact below.</summary>
    public static ApproximateOptions Default { get; } = new();

    /// <summary>Always score every item (the CLI's <c>--exact</c>).</summary>
    public static ApproximateOptions Exact { get; } = new() { Enabled = false };

    /// <summary>Whether the index may be used at all. <value>Default: true.</value></summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// Trained items from which the index is used; below it the exact scan is fast enough and needs no build.
    /// <value>Default: 200,000 (measured in docs/benchmarks.md).</value>
    /// </summary>
    public int MinItems { get; init; } = 200_000;

    /// <summary>
    /// Candidates taken from the index per result wanted, before they are re-scored and the best n kept.
    /// <value>Default: 15 (with 16-bit vectors and M = 48, recall@10 0.98 at 21x the scan on 1M items: docs/benchmarks.md).</value>
    /// </summary>
    public int CandidatesPerResult { get; init; } = 15;

    /// <summary>Graph neighbours per node (HNSW's M). <value>Default: 48.</value></summary>
    public int Connectivity { get; init; } = 48;

    /// <summary>Breadth of the search while building (HNSW's efConstruction). <value>Default: 128.</value></summary>
    public int ExpansionAdd { get; init; } = 128;

    /// <summary>
    /// Least breadth of a query's search (HNSW's ef); a query asking for more candidates searches that many.
    /// <value>Default: 64.</value>
    /// </summary>
    public int ExpansionSearch { get; init; } = 64;

    /// <summary>
    /// Whether the index keeps its vectors as 16-bit floats instead of 32-bit: at 1M items the same recall once the
    /// candidates are re-scored, about 1.45 times the queries per second, a faster build and less memory
    /// (docs/benchmarks.md). <value>Default: true.</value>
    /// </summary>
    public bool HalfPrecision { get; init; } = true;

    /// <summary>
    /// Where built indexes are kept between runs: files named this path plus what each index is and a fingerprint of
    /// the model's vectors and the build settings, opened (memory-mapped) when they match, written after a build
    /// otherwise. The CLI puts them beside the model file. <value>Default: null (built in memory for each predictor).</value>
    /// </summary>
    public string? IndexPath { get; init; }

    /// <summary>Checks the values.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(MinItems);
        ArgumentOutOfRangeException.ThrowIfLessThan(CandidatesPerResult, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Connectivity, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(ExpansionAdd, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ExpansionSearch, 1);
    }
}
