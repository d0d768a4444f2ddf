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

    /// <summary>The file that was being read.</summary>
    public string File { get; }

    /// <summary>The 1-based line number, when the problem is on one line.</summary>
    public long? Line { get; }

    /// <summary>The field (column name or position), when the problem is in one field.</summary>
    public string? Field { get; }

    private static string Describe(string file, long? line, string? field, string problem)
    {
        var where = DisplayText.Escape(file);
        if (line is not null)
            where += $", line {line}";
        if (field is not null)
            where += $", field {DisplayText.Quote(field)}";
        return $"{where}: {DisplayText.Escape(problem)}";
    }
}
