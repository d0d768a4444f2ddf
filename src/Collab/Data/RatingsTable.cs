namespace Collab.Data;

/// <summary>
/// A ratings table kept column by column: one entry per rating in each array, ids as dense indices into
/// <see cref="UserIds"/> and <see cref="ItemIds"/> (raw ids in order of first appearance).
/// </summary>
public sealed class RatingsTable
{
    private readonly int[] _users;
    private readonly int[] _items;
    private readonly float[] _ratings;
    private readonly long[]? _timestamps;

    internal RatingsTable(string source, IdIndex userIds, IdIndex itemIds, int[] users, int[] items, float[] ratings, long[]? timestamps)
    {
        if (users.Length != items.Length || users.Length != ratings.Length || (timestamps is not null && timestamps.Length != users.Length))
            throw new ArgumentException("All columns of a ratings table must have the same length.");
        Source = source;
        UserIds = userIds;
        ItemIds = itemIds;
        _users = users;
        _items = items;
        _ratings = ratings;
        _timestamps = timestamps;
    }

    /// <summary>Where the rows came from (a file path or a description).</summary>
    public string Source { get; }

    /// <summary>The distinct user ids.</summary>
    public IdIndex UserIds { get; }

    /// <summary>The distinct item ids.</summary>
    public IdIndex ItemIds { get; }

    /// <summary>Number of ratings.</summary>
    public int Count => _users.Length;

    /// <summary>User of each rating, as an index into <see cref="UserIds"/>.</summary>
    public ReadOnlySpan<int> Users => _users;

    /// <summary>Item of each rating, as an index into <see cref="ItemIds"/>.</summary>
    public ReadOnlySpan<int> Items => _items;

    /// <summary>The rating values.</summary>
    public ReadOnlySpan<float> Ratings => _ratings;

    /// <summary>Whether the table has a timestamp column.</summary>
    public bool HasTimestamps => _timestamps is not null;

    /// <summary>Timestamp of each rating (empty when the table has none).</summary>
    public ReadOnlySpan<long> Timestamps => _timestamps;

    /// <summary>Reads a ratings file (CSV, TSV, "::"-separated or Parquet; see <see cref="RatingsFileOptions"/>).</summary>
    public static RatingsTable FromFile(string path, RatingsFileOptions? options = null) =>
        RatingsReader.Read(path, options ?? RatingsFileOptions.Default);

    /// <summary>Builds a table from (user, item, rating) triples, for tests and small in-memory data.</summary>
    public static RatingsTable FromTriples(IEnumerable<(string User, string Item, float Rating)> rows, string source = "memory")
    {
        ArgumentNullException.ThrowIfNull(rows);
        var builder = new RatingsTableBuilder(source, hasTimestamps: false, capacity: 16);
        foreach (var (user, item, rating) in rows)
            builder.Add(user, item, rating, 0);
        return builder.Build();
    }
}
