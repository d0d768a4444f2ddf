using System.Text;
using nietras.SeparatedValues;

namespace Collab.Data;

/// <summary>
/// Titles and genres of items from a MovieLens items file, so results can show "Toy Story (1995)" instead of
/// "1": <c>movies.csv</c> (ml-latest, ml-20m, ml-25m: UTF-8 CSV with a header, genres split by '|'),
/// <c>u.item</c> (ml-100k: '|'-separated, Latin-1, 19 genre flags) or <c>movies.dat</c> (ml-1m, ml-10m:
/// '::'-separated, Latin-1).
/// </summary>
public sealed class ItemCatalog
{
    // ml-100k's u.genre, in flag order (its README lists the same).
    private static readonly string[] Ml100KGenres =
    [
        "unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama", "Fantasy",
        "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western",
    ];

    private readonly Dictionary<string, ItemInfo> _items;

    private ItemCatalog(Dictionary<string, ItemInfo> items) => _items = items;

    /// <summary>Number of items described.</summary>
    public int Count => _items.Count;

    /// <summary>Finds an item's description.</summary>
    public bool TryGet(string id, out ItemInfo info) => _items.TryGetValue(id, out info!);

    /// <summary>The item's title, or null when the file does not describe it.</summary>
    public string? TitleOf(string id) => _items.TryGetValue(id, out var info) ? info.Title : null;

    /// <summary>Reads an items file, choosing the layout from its name (or, failing that, its first line).</summary>
    /// <exception cref="RatingsFormatException">The file is missing or a line cannot be read; the message names the line.</exception>
    public static ItemCatalog Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var first = FileSniffer.FirstLine(path);
        var name = Path.GetFileName(path);
        var items = new Dictionary<string, ItemInfo>(StringComparer.Ordinal);
        if (name.EndsWith(".item", StringComparison.OrdinalIgnoreCase) || (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && first.Count(c => c == '|') >= 20))
            ReadLines(path, "|", 24, fields => new ItemInfo(fields[0], fields[1], [.. Ml100KGenres.Where((_, g) => fields[5 + g] == "1")]), items);
        else if (name.EndsWith(".dat", StringComparison.OrdinalIgnoreCase) || first.Contains("::", StringComparison.Ordinal))
            ReadLines(path, "::", 3, fields => new ItemInfo(fields[0], fields[1], SplitGenres(fields[2])), items);
        else
            ReadCsv(path, items);
        return new ItemCatalog(items);
    }

    private static void ReadCsv(string path, Dictionary<string, ItemInfo> items)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true }).FromFile(path);
        foreach (var row in reader)
        {
            if (row.ColCount < 3)
                throw new RatingsFormatException(path, row.LineNumberFrom, null, "expected id, title and genres (movies.csv layout).");
            var id = row[0].ToString().Trim();
            items[id] = new ItemInfo(id, row[1].ToString(), SplitGenres(row[2].ToString()));
        }
    }

    private static void ReadLines(string path, string separator, int fields, Func<string[], ItemInfo> parse, Dictionary<string, ItemInfo> items)
    {
        long number = 0;
        foreach (var line in File.ReadLines(path, Encoding.Latin1))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var parts = line.Split(separator);
            if (parts.Length < fields)
                throw new RatingsFormatException(path, number, null, $"expected {fields} '{separator}'-separated fields, found {parts.Length}.");
            var info = parse(parts);
            items[info.Id] = info;
        }
    }

    private static string[] SplitGenres(string genres) =>
        genres is "" or "(no genres listed)" ? [] : genres.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
