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
            .Any(c => c is not null && !IsPosition(c));
        bool hasHeader = options.HasHeader ?? (namedColumns || (options.HasRatingColumn ? LooksLikeHeader(firstFields, options) : NamesColumns(firstFields)));
        IReadOnlyList<string> headerNames = hasHeader ? firstFields : [];
        if (hasHeader)
            CheckDuplicateNames(path, firstFields);
        if (!options.HasRatingColumn)
            return WithoutRatings(path, options, (sepChar, stride, name), hasHeader, headerNames, firstFields.Count);

        int user = Resolve(path, options.UserColumn, 0, headerNames, "user");
        int item = Resolve(path, options.ItemColumn, 1, headerNames, "item");
        int rating = Resolve(path, options.RatingColumn, 2, headerNames, "rating");
        int? timestamp = options.TimestampColumn is not null
            ? Resolve(path, options.TimestampColumn, 3, headerNames, "timestamp")
            : DefaultTimestamp(firstFields.Count, user, item, rating);
        if (user == item || user == rating || item == rating)
            throw new RatingsFormatException(path, null, null, "the user, item and rating columns must be three different columns.");
        return new RatingsFileLayout(sepChar, stride, name, hasHeader, headerNames, user, item, rating, options.ReadTimestamps ? timestamp : null);
    }

    private static RatingsFileLayout WithoutRatings(string path, RatingsFileOptions options, (char Sep, int Stride, string Name) delimiter,
        bool hasHeader, IReadOnlyList<string> headerNames, int fieldCount)
    {
        if (options.RatingColumn is not null)
            throw new RatingsFormatException(path, null, options.RatingColumn, "a rating column was named for a file read without ratings. Drop one of the two.");
        int user = Resolve(path, options.UserColumn, 0, headerNames, "user");
        int item = Resolve(path, options.ItemColumn, 1, headerNames, "item");
        if (user == item)
            throw new RatingsFormatException(path, null, null, "the user and item columns must be two different columns.");
        int? timestamp = options.TimestampColumn is not null
            ? Resolve(path, options.TimestampColumn, 3, headerNames, "timestamp")
            : fieldCount >= 3 && user != 2 && item != 2 ? 2 : null;
        return new RatingsFileLayout(delimiter.Sep, delimiter.Stride, delimiter.Name, hasHeader, headerNames, user, item, null, options.ReadTimestamps ? timestamp : null);
    }

    // LIBMF's "<user> <item> <rating>": fields separated by single spaces, none empty (aligned columns are not guessed).
    private static string? GuessSpace(string firstLine)
    {
        var fields = firstLine.Trim().Split(' ');
        return fields.Length >= 2 && fields.All(f => f.Length > 0) ? " " : null;
    }

    private static bool NamesColumns(IReadOnlyList<string> fields) =>
        fields.Any(f => new[] { "user", "item", "movie", "product" }.Any(n => f.Contains(n, StringComparison.OrdinalIgnoreCase)));

    private static int? DefaultTimestamp(int fieldCount, int user, int item, int rating) =>
        fieldCount >= 4 && user != 3 && item != 3 && rating != 3 ? 3 : null;

    private static bool LooksLikeHeader(IReadOnlyList<string> fields, RatingsFileOptions options)
    {
        int ratingField = options.RatingColumn is { } r && IsPosition(r) ? int.Parse(r, CultureInfo.InvariantCulture) - 1 : 2;
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

    private static int Resolve(string path, string? column, int defaultField, IReadOnlyList<string> header, string role)
    {
        if (column is null)
            return defaultField;
        if (IsPosition(column))
        {
            int position = int.Parse(column, CultureInfo.InvariantCulture);
            if (position < 1)
                throw new RatingsFormatException(path, null, column, $"the {role} column position must be 1 or more.");
            return position - 1;
        }
        for (int i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.Ordinal))
                return i;
        }
        var available = header.Count == 0 ? "the file has no header" : "columns are: " + DisplayText.Escape(string.Join(", ", header));
        throw new RatingsFormatException(path, 1, column, $"there is no {role} column named {DisplayText.Quote(column)} ({available}). Name an existing column or give its position.");
    }

    private static bool IsPosition(string column) => column.Length > 0 && column.All(char.IsAsciiDigit);

    private static List<string> SplitLine(string line, char sep, int stride)
    {
        var parts = line.Split(sep);
        var fields = new List<string>();
        for (int i = 0; i < parts.Length; i += stride)
            fields.Add(parts[i].Trim().Trim('"'));
        return fields;
    }
}
