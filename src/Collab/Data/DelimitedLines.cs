using System.Text;

namespace Collab.Data;

/// <summary>Splits the lines of small metadata files: CSV-style quoting for one-character delimiters, plain splitting for "::".</summary>
internal static class DelimitedLines
{
    /// <summary>The non-blank lines of a file with their 1-based line numbers, split into fields.</summary>
    public static IEnumerable<(int Line, string[] Fields)> Read(string path, string delimiter, Encoding encoding)
    {
        int number = 0;
        foreach (var line in File.ReadLines(path, encoding))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
                continue;
            yield return (number, delimiter.Length == 1 ? SplitQuoted(line, delimiter[0]) : line.Split(delimiter));
        }
    }

    /// <summary>Guesses the delimiter of a header line: tab, '|', ';' or ',' (the first that occurs, in that order), or "::".</summary>
    public static string Detect(string header)
    {
        if (header.Contains("::", StringComparison.Ordinal))
            return "::";
        foreach (var candidate in new[] { "\t", "|", ";" })
        {
            if (header.Contains(candidate, StringComparison.Ordinal))
                return candidate;
        }
        return ",";
    }

    private static string[] SplitQuoted(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == delimiter)
            {
                fields.Add(field.ToString().Trim());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString().Trim());
        return [.. fields];
    }
}
