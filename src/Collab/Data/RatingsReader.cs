using System.Globalization;
using nietras.SeparatedValues;

namespace Collab.Data;

/// <summary>
/// Reads ratings files into a columnar <see cref="RatingsTable"/>: text with Sep (or the parallel fast path), and Parquet
/// (a file that starts with "PAR1", whatever its name) with Parquet.Net. Every problem is reported as one
/// <see cref="RatingsFormatException"/> naming the file, the line (a Parquet file's row group and row) and the field;
/// nothing is half-read.
/// </summary>
public static class RatingsReader
{
    /// <summary>Reads one ratings file.</summary>
    public static RatingsTable Read(string path, RatingsFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (FileSniffer.IsParquet(path))
            return ReadAll(path, [Open(path, options)]).Table;
        var layout = RatingsFileLayout.Detect(path, options);
        return ParallelRatingsReader.TryRead(path, layout) ?? ReadWithSep(path, layout);
    }

    /// <summary>The reference path: Sep, one row at a time, with every error's line number.</summary>
    internal static RatingsTable ReadWithSep(string path, RatingsFileLayout layout)
    {
        var builder = new RatingsTableBuilder(path, layout.TimestampField is not null, EstimateRows(path));
        Append(path, layout, builder);
        return builder.Build();
    }

    /// <summary>
    /// Reads a training file and a validation file (for example MovieLens u1.base and u1.test) into one
    /// table, training rows first, and returns the split that says which rows are which.
    /// </summary>
    public static (RatingsTable Table, DataSplit Split) ReadTrainValid(string trainPath, string validPath, RatingsFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var train = Open(trainPath, options);
        var valid = Open(validPath, options);
        var source = $"{trainPath} + {validPath}";
        if (train.Layout is { } trainLayout && valid.Layout is { } validLayout
            && ParallelRatingsReader.TryRead([(trainPath, trainLayout), (validPath, validLayout)], source) is { } fast)
            return (fast.Table, SplitAt(fast.RowsPerFile[0], fast.Table.Count));
        var (table, trainCount) = ReadAll(source, [train, valid]);
        return (table, SplitAt(trainCount, table.Count));
    }

    /// <summary>
    /// The 1-based line of the file that holds row <paramref name="row"/> of the table <see cref="Read"/> returns for it
    /// (header and blank lines skipped as the reader skips them), or null when the file has fewer rows; for messages
    /// that point at a rating found after reading. Null for a Parquet file too: it has no lines, and its rows are the
    /// table's rows in order.
    /// </summary>
    public static long? FindLine(string path, RatingsFileOptions options, int row)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        if (FileSniffer.IsParquet(path))
            return null;
        var layout = RatingsFileLayout.Detect(path, options);
        var sepOptions = new SepReaderOptions(new Sep(layout.SepChar)) { HasHeader = false, DisableColCountCheck = true, Unescape = true };
        using var reader = sepOptions.FromFile(path);
        bool skipHeader = layout.HasHeader;
        int seen = 0;
        foreach (var line in reader)
        {
            if (skipHeader)
            {
                skipHeader = false;
                continue;
            }
            if (line.Span.IsWhiteSpace())
                continue;
            if (seen++ == row)
                return line.LineNumberFrom;
        }
        return null;
    }

    // One file as the row-by-row readers take it: a text layout or an opened Parquet file.
    private sealed record OpenedFile(string Path, RatingsFileLayout? Layout, ParquetRatingsFile? Parquet)
    {
        public bool HasTimestamps => Parquet?.HasTimestamps ?? Layout!.TimestampField is not null;

        public int EstimatedRows => Parquet is { } file ? (int)file.Rows : EstimateRows(Path);

        public void AppendTo(RatingsTableBuilder builder, bool timestamps)
        {
            if (Parquet is { } file)
                file.AppendTo(builder, timestamps);
            else
                Append(Path, timestamps ? Layout! : Layout! with { TimestampField = null }, builder);
        }
    }

    private static OpenedFile Open(string path, RatingsFileOptions options) => FileSniffer.IsParquet(path)
        ? new OpenedFile(path, null, ParquetRatingsFile.Open(path, options))
        : new OpenedFile(path, RatingsFileLayout.Detect(path, options), null);

    // Reads the files one after the other into one table (timestamps only when all have them); also returns the rows of the first.
    private static (RatingsTable Table, int FirstFileRows) ReadAll(string source, OpenedFile[] files)
    {
        bool timestamps = files.All(f => f.HasTimestamps);
        var builder = new RatingsTableBuilder(source, timestamps, (int)Math.Min(files.Sum(f => (long)f.EstimatedRows), Array.MaxLength));
        int firstRows = -1;
        foreach (var file in files)
        {
            file.AppendTo(builder, timestamps);
            if (firstRows < 0)
                firstRows = builder.Count;
        }
        return (builder.Build(), firstRows);
    }

    private static DataSplit SplitAt(int trainCount, int count) =>
        new(Enumerable.Range(0, trainCount).ToArray(), Enumerable.Range(trainCount, count - trainCount).ToArray());

    private static int EstimateRows(string path) => (int)Math.Min(new FileInfo(path).Length / 16 + 16, 1 << 26);

    private static void Append(string path, RatingsFileLayout layout, RatingsTableBuilder builder)
    {
        int before = builder.Count;
        var sepOptions = new SepReaderOptions(new Sep(layout.SepChar))
        {
            HasHeader = false,
            DisableColCountCheck = true,
            Unescape = true,
            CultureInfo = CultureInfo.InvariantCulture,
        };
        try
        {
            using var reader = sepOptions.FromFile(path);
            bool skipHeader = layout.HasHeader;
            foreach (var row in reader)
            {
                if (skipHeader)
                {
                    skipHeader = false;
                    continue;
                }
                if (row.Span.IsWhiteSpace())
                    continue;
                AppendRow(path, layout, row, builder);
            }
        }
        catch (NotSupportedException e) when (e.Message.Contains("maximum supported length", StringComparison.Ordinal))
        {
            throw new RatingsFormatException(path, builder.Count - before + (layout.HasHeader ? 2 : 1), null,
                "a line is longer than 16 MB (or a quote \" is never closed). A ratings file has one short line per rating; check that this is the right file.");
        }
        if (builder.Count == before)
        {
            throw new RatingsFormatException(path, null, null, layout.HasHeader
                ? "the file has a header but no ratings. Add rows below the header."
                : "the file has no ratings. Give one rating per line (user, item, rating).");
        }
    }

    private static void AppendRow(string path, RatingsFileLayout layout, SepReader.Row row, RatingsTableBuilder builder)
    {
        int line = row.LineNumberFrom;
        int fields = layout.FieldCount(row.ColCount);
        if (fields < layout.RequiredFields)
        {
            throw new RatingsFormatException(path, line, null,
                $"expected at least {layout.RequiredFields} fields separated by '{layout.DelimiterName}', found {fields}. Fix the line or pass --delimiter.");
        }
        var user = row[layout.Physical(layout.UserField)].Span.Trim();
        var item = row[layout.Physical(layout.ItemField)].Span.Trim();
        if (user.IsEmpty)
            throw new RatingsFormatException(path, line, layout.FieldName(layout.UserField), "the user id is empty. Every rating needs a user.");
        if (item.IsEmpty)
            throw new RatingsFormatException(path, line, layout.FieldName(layout.ItemField), "the item id is empty. Every rating needs an item.");
        float rating = layout.RatingField is int ratingField ? ParseRating(path, layout, row, line, ratingField) : 1f;
        long timestamp = 0;
        if (layout.TimestampField is int tsField && tsField < fields)
        {
            var tsText = row[layout.Physical(tsField)].Span.Trim();
            if (!tsText.IsEmpty && !long.TryParse(tsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out timestamp))
            {
                throw new RatingsFormatException(path, line, layout.FieldName(tsField),
                    $"the timestamp {DisplayText.Quote(tsText)} is not a whole number. Fix it, or choose another column with --timestamp-col.");
            }
        }
        builder.Add(user, item, rating, timestamp);
    }

    private static float ParseRating(string path, RatingsFileLayout layout, SepReader.Row row, int line, int field)
    {
        var ratingText = row[layout.Physical(field)].Span.Trim();
        if (!float.TryParse(ratingText, NumberStyles.Float, CultureInfo.InvariantCulture, out float rating))
        {
            throw new RatingsFormatException(path, line, layout.FieldName(field),
                $"the rating {DisplayText.Quote(ratingText)} is not a number. Fix the value, or choose the rating column with --rating-col.");
        }
        if (RatingValues.Problem(rating, ratingText) is { } problem)
            throw new RatingsFormatException(path, line, layout.FieldName(field), $"the rating {DisplayText.Quote(ratingText)} {problem}");
        return rating;
    }
}
