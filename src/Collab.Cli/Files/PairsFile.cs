using Collab.Data;
using nietras.SeparatedValues;

namespace Collab.Cli.Files;

/// <summary>
/// Reads (user, item) pairs to predict: the first two fields of each line, delimiter detected. A first line
/// whose fields name the columns (for example "userId,movieId" or "user,item") is taken as a header.
/// </summary>
internal static class PairsFile
{
    public static List<(string User, string Item)> Read(string path)
    {
        var firstLine = FileSniffer.FirstLine(path);
        var delimiter = FileSniffer.GuessDelimiter(firstLine) ?? ",";
        char sep = delimiter == "::" ? ':' : delimiter[0];
        int stride = delimiter == "::" ? 2 : 1;
        var pairs = new List<(string, string)>();
        using var reader = Sep.Reader(o => o with { Sep = new Sep(sep), HasHeader = false, DisableColCountCheck = true, Unescape = true }).FromFile(path);
        bool first = true;
        foreach (var row in reader)
        {
            if (row.Span.IsWhiteSpace())
                continue;
            if (row.ColCount < stride + 1)
                throw new RatingsFormatException(path, row.LineNumberFrom, null, "expected a user and an item on each line.");
            var user = row[0].Span.Trim().ToString();
            var item = row[stride].Span.Trim().ToString();
            if (first && IsHeader(user, item))
            {
                first = false;
                continue;
            }
            first = false;
            if (user.Length == 0 || item.Length == 0)
                throw new RatingsFormatException(path, row.LineNumberFrom, user.Length == 0 ? "user" : "item", "the id is empty.");
            pairs.Add((user, item));
        }
        return pairs;
    }

    private static bool IsHeader(string user, string item) =>
        user.Contains("user", StringComparison.OrdinalIgnoreCase)
        && (item.Contains("item", StringComparison.OrdinalIgnoreCase) || item.Contains("movie", StringComparison.OrdinalIgnoreCase));
}
