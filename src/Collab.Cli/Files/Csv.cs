namespace Collab.Cli.Files;

/// <summary>Quoting for CSV fields the CLI writes.</summary>
internal static class Csv
{
    public static string Escape(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
