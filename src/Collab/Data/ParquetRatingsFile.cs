using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Collab.Data;

/// <summary>
/// A ratings file in Parquet (Spark's and pandas' interchange format), read with Parquet.Net one row group at a time.
/// Its columns are chosen as a CSV's are (<see cref="RatingsFields"/>, the schema's names standing for a header); ids
/// may be integers or text, ratings any number type, timestamps int32 or int64. Integer ids are read as the digits a CSV
/// would hold, so a Parquet file and a CSV with the same rows give the same table. A problem names the file, the row
/// group, the row and the column.
/// </summary>
internal sealed class ParquetRatingsFile
{
    private readonly string _path;
    private readonly DataField _user;
    private readonly DataField _item;
    private readonly DataField? _rating;
    private readonly DataField? _timestamp;

    private ParquetRatingsFile(string path, DataField user, DataField item, DataField? rating, DataField? timestamp, long rows)
    {
        _path = path;
        _user = user;
        _item = item;
        _rating = rating;
        _timestamp = timestamp;
        Rows = rows;
    }

    /// <summary>How many rows the file holds, from its footer.</summary>
    public long Rows { get; }

    /// <summary>Whether a timestamp column was chosen.</summary>
    public bool HasTimestamps => _timestamp is not null;

    /// <summary>The names of the file's columns, in schema order.</summary>
    public static IReadOnlyList<string> ColumnNames(string path) =>
        ParquetErrors.Guard(path, async () =>
        {
            await using var reader = await ParquetReader.CreateAsync(path).ConfigureAwait(false);
            return (IReadOnlyList<string>)[.. reader.Schema.DataFields.Select(f => f.Name)];
        });

    /// <summary>Reads the schema and chooses the columns, checking that each holds what it must.</summary>
    public static ParquetRatingsFile Open(string path, RatingsFileOptions options) =>
        ParquetErrors.Guard(path, async () =>
        {
            await using var reader = await ParquetReader.CreateAsync(path).ConfigureAwait(false);
            var columns = reader.Schema.DataFields;
            var names = columns.Select(c => c.Name).ToArray();
            var fields = RatingsFields.Resolve(path, options, names, names.Length, namesLine: null);
            DataField Pick(int position, string role, Func<DataField, bool> accepts, string kinds)
            {
                if (position >= columns.Length)
                {
                    throw new RatingsFormatException(path, null, null, $"the {role} column would be column {position + 1}, but the file has {columns.Length} "
                        + $"({DisplayText.Escape(string.Join(", ", names))}). Name the {role} column with --{role}-col"
                        + (role == "rating" ? ", or pass --no-ratings for a file without ratings." : "."));
                }
                var column = columns[position];
                if (column.IsArray || !accepts(column))
                {
                    throw new RatingsFormatException(path, null, column.Name, $"the {role} column holds {ParquetValues.Describe(column)}; {kinds}. "
                        + $"Choose another column with --{role}-col, or convert this one.");
                }
                return column;
            }
            var user = Pick(fields.User, "user", ParquetValues.IsId, "ids must be integers or text");
            var item = Pick(fields.Item, "item", ParquetValues.IsId, "ids must be integers or text");
            var rating = fields.Rating is int r ? Pick(r, "rating", ParquetValues.IsNumber, "ratings must be numbers") : null;
            var timestamp = fields.Timestamp is int t ? Pick(t, "timestamp", ParquetValues.IsInteger, "timestamps must be whole numbers (int32 or int64)") : null;
            long rows = reader.RowGroups.Sum(g => g.RowCount);
            if (rows == 0)
                throw new RatingsFormatException(path, null, null, "the file has no ratings (its row groups hold no rows). Write the ratings into it, one per row.");
            if (rows > Array.MaxLength)
                throw new RatingsFormatException(path, null, null, $"the file holds {rows:N0} rows, more than one table can hold ({Array.MaxLength:N0}). Split it.");
            return new ParquetRatingsFile(path, user, item, rating, timestamp, rows);
        });

    /// <summary>Appends every row to <paramref name="builder"/>, in file order (timestamps only when the builder keeps them).</summary>
    public void AppendTo(RatingsTableBuilder builder, bool timestamps) =>
        ParquetErrors.Guard(_path, async () =>
        {
            await using var reader = await ParquetReader.CreateAsync(_path).ConfigureAwait(false);
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var group = reader.OpenRowGroupReader(g);
                await AppendGroupAsync(group, g + 1, builder, timestamps).ConfigureAwait(false);
            }
            return true;
        });

    private async Task AppendGroupAsync(ParquetRowGroupReader group, int groupNumber, RatingsTableBuilder builder, bool timestamps)
    {
        int rows = (int)group.RowCount;
        var users = await ParquetValues.ReadIdsAsync(group, _user, rows).ConfigureAwait(false);
        var items = await ParquetValues.ReadIdsAsync(group, _item, rows).ConfigureAwait(false);
        var ratings = _rating is null ? null : await ParquetValues.ReadNumbersAsync(group, _rating, rows).ConfigureAwait(false);
        var times = timestamps && _timestamp is not null ? await ParquetValues.ReadIntegersAsync(group, _timestamp, rows).ConfigureAwait(false) : null;
        Span<char> userDigits = stackalloc char[20];
        Span<char> itemDigits = stackalloc char[20];
        for (int r = 0; r < rows; r++)
        {
            var user = Id(users, r, userDigits, groupNumber, _user, "user");
            var item = Id(items, r, itemDigits, groupNumber, _item, "item");
            float rating = ratings is null ? 1f : Rating(ratings[r], groupNumber, r);
            builder.Add(user, item, rating, times?[r] ?? 0);
        }
    }

    private ReadOnlySpan<char> Id(ParquetIds ids, int row, Span<char> digits, int groupNumber, DataField column, string role)
    {
        if (ids.Numbers is { } numbers)
        {
            if (numbers[row] is not long number)
                throw Problem(groupNumber, row, column, $"the {role} id is null. Every rating needs a {role}: fill the id or drop the row.");
            number.TryFormat(digits, out int length, provider: CultureInfo.InvariantCulture);
            return digits[..length];
        }
        if (ids.Texts![row] is not { } raw)
            throw Problem(groupNumber, row, column, $"the {role} id is null. Every rating needs a {role}: fill the id or drop the row.");
        // Trimmed as the CSV reader trims its fields.
        var text = raw.AsSpan().Trim();
        if (text.IsEmpty)
            throw Problem(groupNumber, row, column, $"the {role} id is empty. Every rating needs a {role}.");
        return text;
    }

    private float Rating(double? value, int groupNumber, int row)
    {
        if (value is not double number)
            throw Problem(groupNumber, row, _rating!, "the rating is null. Fill it or drop the row (--no-ratings reads the file as who interacted with what).");
        float rating = (float)number;
        if (RatingValues.IsPlausible(rating))
            return rating;
        var text = number.ToString("R", CultureInfo.InvariantCulture);
        throw Problem(groupNumber, row, _rating!, $"the rating {text} {RatingValues.Problem(rating, text)}");
    }

    private RatingsFormatException Problem(int groupNumber, int row, DataField column, string problem) =>
        new(_path, groupNumber, row + 1L, column.Name, problem);
}
