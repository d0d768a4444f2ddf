using System.Globalization;
using Collab.Data;
using nietras.SeparatedValues;

namespace Collab.Bench;

/// <summary>
/// The alternative the reader's design was measured against: Sep's own <c>ParallelEnumerate</c> parses rows on
/// all cores into small structs (integer ids only), and one thread numbers the ids and fills the columns, as
/// it must to keep the order of first appearance. Benchmark-only; it gives up (null) on anything but integer
/// ids, so it only runs on synthetic files.
/// </summary>
internal static class SepParallelEnumerateReader
{
    private readonly record struct ParsedRow(long User, long Item, float Rating, long Timestamp, bool Plain);

    public static RatingsTable? Read(string path)
    {
        using var reader = Sep.New(',').Reader(o => o with { HasHeader = true, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture })
            .FromFile(path);
        var userIds = new IdCollector();
        var itemIds = new IdCollector();
        var users = new List<int>();
        var items = new List<int>();
        var ratings = new List<float>();
        var timestamps = new List<long>();
        foreach (var row in reader.ParallelEnumerate(Parse))
        {
            if (!row.Plain)
                return null;
            users.Add(userIds.AddNumber(row.User));
            items.Add(itemIds.AddNumber(row.Item));
            ratings.Add(row.Rating);
            timestamps.Add(row.Timestamp);
        }
        return new RatingsTable(path, userIds.ToIdIndex(), itemIds.ToIdIndex(), [.. users], [.. items], [.. ratings], [.. timestamps]);
    }

    private static ParsedRow Parse(SepReader.Row row)
    {
        bool plain = IdCollector.TryParseCanonical(row[0].Span.Trim(), out long user)
            & IdCollector.TryParseCanonical(row[1].Span.Trim(), out long item)
            & float.TryParse(row[2].Span, NumberStyles.Float, CultureInfo.InvariantCulture, out float rating)
            & long.TryParse(row[3].Span, NumberStyles.Integer, CultureInfo.InvariantCulture, out long timestamp);
        return new ParsedRow(user, item, rating, timestamp, plain);
    }
}
