namespace Collab.Data;

/// <summary>
/// A ratings file that cannot be read as asked. The message names the file, the line and the field,
/// and says what to do, so front ends can show it as it is: it is one line, with the file's text escaped (<see cref="DisplayText"/>).
/// </summary>
public sealed class RatingsFormatException : Exception
{
    /// <summary>Creates the exception for a problem at a place in a file.</summary>
    public RatingsFormatException(string file, long? line, string? field, string problem)
        : base(Describe(file, line, field, problem))
    {
        File = file;
        Line = line;
        Field = field;
    }

    /// <summary>Creates the exception for a problem at a row of a Parquet file.</summary>
    /// <param name="file">The file.</param>
    /// <param name="rowGroup">The 1-based row group.</param>
    /// <param name="row">The 1-based row within the row group.</param>
    /// <param name="column">The column's name, when the problem is in one column.</param>
    /// <param name="problem">What is wrong and what to do.</param>
    public RatingsFormatException(string file, int rowGroup, long row, string? column, string problem)
        : base(Describe(file, $"row group {rowGroup}, row {row}", column is null ? null : $"column {DisplayText.Quote(column)}", problem))
    {
        File = file;
        RowGroup = rowGroup;
        Row = row;
        Field = column;
    }

    /// <summary>The file that was being read.</summary>
    public string File { get; }

    /// <summary>The 1-based line number, when the problem is on one line.</summary>
    public long? Line { get; }

    /// <summary>The field (column name or position), when the problem is in one field.</summary>
    public string? Field { get; }

    /// <summary>The 1-based row group of a Parquet file, when the problem is on one row of it.</summary>
    public int? RowGroup { get; }

    /// <summary>The 1-based row within <see cref="RowGroup"/>.</summary>
    public long? Row { get; }

    private static string Describe(string file, long? line, string? field, string problem) =>
        Describe(file, line is null ? null : $"line {line}", field is null ? null : $"field {DisplayText.Quote(field)}", problem);

    private static string Describe(string file, string? place, string? part, string problem)
    {
        var where = DisplayText.Escape(file);
        if (place is not null)
            where += $", {place}";
        if (part is not null)
            where += $", {part}";
        return $"{where}: {DisplayText.Escape(problem)}";
    }
}
