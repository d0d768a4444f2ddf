using System.Collections.Concurrent;
using Collab.Numerics;

namespace Collab.Data.Synthetic;

/// <summary>
/// A synthetic stand-in for MovieLens that tests and benchmarks can make anywhere: Zipf-skewed user activity
/// and item popularity, distinct (user, item) pairs, ratings from a planted low-rank model with biases plus
/// noise, rounded to half stars in 0.5..5, and a timestamp. Users are numbered 1..Users and rows come sorted by
/// user, then item (ml-25m's layout). Generation runs on all cores and is deterministic for a seed.
/// </summary>
/// <example><code>
/// var synth = SyntheticRatings.Create(new SyntheticRatingsOptions { Users = 162_000, Items = 59_000, Ratings = 25_000_000 });
/// synth.WriteCsvFile("synth.csv");
/// </code></example>
public sealed class SyntheticRatings
{
    private const int RowsPerBlock = 1 << 16;

    private readonly int[] _userCounts;
    private readonly long[] _userOffsets;
    private readonly ConcurrentBag<UserRowGenerator> _generators = [];

    private SyntheticRatings(SyntheticRatingsOptions options)
    {
        Options = options;
        var random = new SeededRandom(options.Seed ^ 0x53796E7468657469UL);
        _userCounts = UserActivity.Counts(options.Users, options.Items, options.Ratings, options.UserSkew, random);
        _userOffsets = new long[options.Users + 1];
        for (int u = 0; u < options.Users; u++)
            _userOffsets[u + 1] = _userOffsets[u] + _userCounts[u];
        var byRank = ZipfWeights.ByRank(options.Items, options.ItemSkew);
        var rankOfItem = random.Permutation(options.Items);
        ItemWeights = [.. rankOfItem.Select(rank => byRank[rank])];
        ItemSampler = new AliasSampler(ItemWeights);
        Model = new PlantedModel(options, random);
        Blocks = PlanBlocks();
    }

    /// <summary>The options the set was made with.</summary>
    public SyntheticRatingsOptions Options { get; }

    /// <summary>Number of ratings.</summary>
    public long Count => Options.Ratings;

    /// <summary>Ratings of each user, by user index (user id = index + 1).</summary>
    public ReadOnlySpan<int> UserCounts => _userCounts;

    internal PlantedModel Model { get; }

    internal AliasSampler ItemSampler { get; }

    internal double[] ItemWeights { get; }

    /// <summary>Consecutive user ranges of about <see cref="RowsPerBlock"/> rows: the unit of parallel work.</summary>
    internal IReadOnlyList<(int FirstUser, int EndUser)> Blocks { get; }

    /// <summary>Plans the users, items and planted model; rows are made by <see cref="ToTable"/> or the CSV writers.</summary>
    public static SyntheticRatings Create(SyntheticRatingsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return new SyntheticRatings(options);
    }

    /// <summary>
    /// Makes the ratings as a table, exactly as reading the file <see cref="WriteCsv"/> writes would give
    /// (ids in order of first appearance, timestamps included).
    /// </summary>
    public RatingsTable ToTable(CancellationToken cancellation = default)
    {
        int rows = checked((int)Count);
        var users = GC.AllocateUninitializedArray<int>(rows);
        var items = GC.AllocateUninitializedArray<int>(rows);
        var ratings = GC.AllocateUninitializedArray<float>(rows);
        var timestamps = GC.AllocateUninitializedArray<long>(rows);
        Parallel.For(0, Blocks.Count, new ParallelOptions { CancellationToken = cancellation }, b =>
        {
            var (first, end) = Blocks[b];
            int start = (int)_userOffsets[first];
            int length = (int)(_userOffsets[end] - start);
            GenerateBlock(b, items.AsSpan(start, length), ratings.AsSpan(start, length), timestamps.AsSpan(start, length));
            for (int u = first; u < end; u++)
                users.AsSpan((int)_userOffsets[u], _userCounts[u]).Fill(u);
        });
        var userIds = new IdIndex();
        for (int u = 0; u < Options.Users; u++)
            userIds.GetOrAdd(IdText(u));
        return new RatingsTable($"synthetic {Options.Users}x{Options.Items}, {Count} ratings, seed {Options.Seed}",
            userIds, FirstAppearance(items, Options.Items), users, items, ratings, timestamps);
    }

    /// <summary>Writes the ratings as CSV (header userId,movieId,rating,timestamp; LF line ends) to a stream.</summary>
    /// <param name="stream">Where the text goes; it is not closed.</param>
    /// <param name="progress">Told the number of rows written so far, after each block of rows.</param>
    /// <param name="cancellation">Stops between blocks.</param>
    public void WriteCsv(Stream stream, IProgress<long>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        SyntheticCsvWriter.Write(this, stream, progress, cancellation);
    }

    /// <summary>
    /// Writes the CSV to a file atomically: into a temporary file beside it, renamed over the target only when
    /// complete, so a failed or cancelled run never leaves half a file.
    /// </summary>
    public void WriteCsvFile(string path, IProgress<long>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
                WriteCsv(stream, progress, cancellation);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    /// <summary>Rows before user <paramref name="user"/> (the prefix sum of <see cref="UserCounts"/>).</summary>
    internal long RowOffset(int user) => _userOffsets[user];

    /// <summary>Generates block <paramref name="block"/>'s rows into spans of exactly its length.</summary>
    internal void GenerateBlock(int block, Span<int> items, Span<float> ratings, Span<long> timestamps)
    {
        var generator = _generators.TryTake(out var pooled) ? pooled : new UserRowGenerator(this);
        var (first, end) = Blocks[block];
        int at = 0;
        for (int u = first; u < end; u++)
        {
            int n = _userCounts[u];
            generator.Generate(u, items.Slice(at, n), ratings.Slice(at, n), timestamps.Slice(at, n));
            at += n;
        }
        _generators.Add(generator);
    }

    internal static string IdText(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // Renumbers item indices by first appearance, as the reader does, and returns the ids in that order.
    private static IdIndex FirstAppearance(int[] items, int itemCount)
    {
        var rawIndex = new int[itemCount];
        Array.Fill(rawIndex, -1);
        var ids = new IdIndex();
        for (int r = 0; r < items.Length; r++)
        {
            int item = items[r];
            if (rawIndex[item] < 0)
                rawIndex[item] = ids.GetOrAdd(IdText(item));
            items[r] = rawIndex[item];
        }
        return ids;
    }

    private List<(int, int)> PlanBlocks()
    {
        var blocks = new List<(int, int)>();
        int first = 0;
        for (int u = 0; u < Options.Users; u++)
        {
            if (_userOffsets[u + 1] - _userOffsets[first] >= RowsPerBlock || u == Options.Users - 1)
            {
                blocks.Add((first, u + 1));
                first = u + 1;
            }
        }
        return blocks;
    }
}
