using System.Globalization;

namespace Collab.Data;

/// <summary>
/// What the reader learned about a file before reading its rows: the delimiter, whether a header is present,
/// and which field holds each column. Fields are 0-based logical positions; "::" files are read with ':' as
/// separator, so their logical field k is physical column 2k. A file without a rating column (implicit feedback)
/// has no rating field; its header is recognised by column names such as "user" or "item".
/// </summary>
internal sealed record RatingsFileLayout(
    char SepChar,
    int Stride,
    string DelimiterName,
    bool HasHeader,
    IReadOnlyList<string> HeaderNames,
    int UserField,
    int ItemField,
    int? RatingField,
    int? TimestampField)
{
    public int RequiredFields => Math.Max(UserField, Math.Max(ItemField, RatingField ?? 0)) + 1;

    public int FieldCount(int physicalColumns) => (physicalColumns + Stride - 1) / Stride;

    public int Physical(int field) => field * Stride;

    public string FieldName(int field) =>
        field < HeaderNames.Count ? HeaderNames[field] : $"column {field + 1}";

    public static RatingsFileLayout Detect(string path, RatingsFileOptions options)
    {
        var firstLine = FileSniffer.FirstLine(path);
        var delimiter = options.Delimiter ?? FileSniffer.GuessDelimiter(firstLine) ?? GuessSpace(firstLine)
            ?? throw new RatingsFormatException(path, 1, null,
                "cannot tell how fields are separated (no tab, comma, semicolon, '|', '::' or single space on the first line). Pass --delimiter.");
        var (sepChar, stride, name) = delimiter switch
        {
            "::" => (':', 2, "::"),
            "\t" or "tab" or "\\t" => ('\t', 1, "tab"),
            " " or "space" => (' ', 1, "space"),
            { Length: 1 } single => (single[0], 1, single),
            _ => throw new RatingsFormatException(path, null, null,
                $"the delimiter {DisplayText.Quote(delimiter)} is not supported. Use one character (',', tab, ';', '|', space) or '::'."),
        };
        var firstFields = SplitLine(firstLine, sepChar, stride);
        bool namedColumns = new[] { options.UserColumn, options.ItemColumn, options.RatingColumn, options.TimestampColumn }
            .Any(c => c is not null && !RatingsFields.IsPosition(c));
        bool hasHeader = options.HasHeader ?? (namedColumns || (options.HasRatingColumn ? LooksLikeHeader(firstFields, options) : NamesColumns(firstFields)));
        IReadOnlyList<string> headerNames = hasHeader ? firstFields : [];
        if (hasHeader)
            CheckDuplicateNames(path, firstFields);
        var fields = RatingsFields.Resolve(path, options, headerNames, firstFields.Count, namesLine: 1);
        return new RatingsFileLayout(sepChar, stride, name, hasHeader, headerNames, fields.User, fields.Item, fields.Rating, fields.Timestamp);
    }

    // LIBMF's "<user> <item> <rating>": fields separated by single spaces, none empty (aligned columns are not guessed).
    private static string? GuessSpace(string firstLine)
    {
        var fields = firstLine.Trim().Split(' ');
        return fields.Length >= 2 && fields.All(f => f.Length > 0) ? " " : null;
    }

    private static bool NamesColumns(IReadOnlyList<string> fields) =>
        fields.Any(f => new[] { "user", "item", "movie", "product" }.Any(n => f.Contains(n, StringComparison.OrdinalIgnoreCase)));

    private static bool LooksLikeHeader(IReadOnlyList<string> fields, RatingsFileOptions options)
    {
        int ratingField = options.RatingColumn is { } r && RatingsFields.IsPosition(r) ? int.Parse(r, CultureInfo.InvariantCulture) - 1 : 2;
        if (ratingField >= fields.Count)
            return false;
        return !float.TryParse(fields[ratingField], NumberStyles.Float, CultureInfo.InvariantCulture, out _);
    }

    private static void CheckDuplicateNames(string path, IReadOnlyList<string> names)
    {
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new RatingsFormatException(path, 1, duplicate.Key,
                $"the header names the column {DisplayText.Quote(duplicate.Key)} {duplicate.Count()} times. Give each column a distinct name.");
        }
    }

    private static List<string> SplitLine(string line, char sep, int stride)
    {
        var parts = line.Split(sep);
        var fields = new List<string>();
        for (int i = 0; i < parts.Length; i += stride)
            fields.Add(parts[i].Trim().Trim('"'));
        return fields;
    }
}
