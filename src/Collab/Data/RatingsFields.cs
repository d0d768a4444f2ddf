using System.Globalization;

namespace Collab.Data;

/// <summary>
/// Which column of a file holds each part of a rating: 0-based positions chosen from <see cref="RatingsFileOptions"/>
/// by name or 1-based position, the same way for text and Parquet files. A file read without ratings (implicit
/// feedback) has no rating field, and its third column, when present, is the timestamp.
/// </summary>
internal sealed record RatingsFields(int User, int Item, int? Rating, int? Timestamp)
{
    /// <summary>Resolves the columns of a file whose columns are <paramref name="names"/> (empty without a header).</summary>
    /// <param name="path">The file, for messages.</param>
    /// <param name="options">The columns asked for.</param>
    /// <param name="names">The column names (a header, or a Parquet schema); empty when the file names none.</param>
    /// <param name="count">How many columns the file has (its first line's fields for text).</param>
    /// <param name="namesLine">The line that names the columns (1 for a header), or null when a schema names them.</param>
    public static RatingsFields Resolve(string path, RatingsFileOptions options, IReadOnlyList<string> names, int count, long? namesLine)
    {
        int Column(string? column, int defaultField, string role) => Find(path, column, defaultField, names, role, namesLine);
        int user = Column(options.UserColumn, 0, "user");
        int item = Column(options.ItemColumn, 1, "item");
        if (!options.HasRatingColumn)
        {
            if (options.RatingColumn is not null)
                throw new RatingsFormatException(path, null, options.RatingColumn, "a rating column was named for a file read without ratings. Drop one of the two.");
            if (user == item)
                throw new RatingsFormatException(path, null, null, "the user and item columns must be two different columns.");
            int? implicitTimestamp = options.TimestampColumn is not null
                ? Column(options.TimestampColumn, 3, "timestamp")
                : count >= 3 && user != 2 && item != 2 ? 2 : null;
            return new RatingsFields(user, item, null, options.ReadTimestamps ? implicitTimestamp : null);
        }
        int rating = Column(options.RatingColumn, 2, "rating");
        int? timestamp = options.TimestampColumn is not null
            ? Column(options.TimestampColumn, 3, "timestamp")
            : count >= 4 && user != 3 && item != 3 && rating != 3 ? 3 : null;
        if (user == item || user == rating || item == rating)
            throw new RatingsFormatException(path, null, null, "the user, item and rating columns must be three different columns.");
        return new RatingsFields(user, item, rating, options.ReadTimestamps ? timestamp : null);
    }

    /// <summary>Whether a column option is a 1-based position rather than a name.</summary>
    public static bool IsPosition(string column) => column.Length > 0 && column.All(char.IsAsciiDigit);

    private static int Find(string path, string? column, int defaultField, IReadOnlyList<string> names, string role, long? namesLine)
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
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], column, StringComparison.Ordinal))
                return i;
        }
        var available = names.Count == 0 ? "the file has no header" : "columns are: " + DisplayText.Escape(string.Join(", ", names));
        throw new RatingsFormatException(path, namesLine, column, $"there is no {role} column named {DisplayText.Quote(column)} ({available}). Name an existing column or give its position.");
    }
}
