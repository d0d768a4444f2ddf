using Collab.Data;

namespace Collab.Cli.Files;

/// <summary>Recognises a "who bought what" file: every line (or Parquet row) holds a user and an item and nothing else.</summary>
internal static class InteractionFile
{
    /// <summary>True when the first line of <paramref name="path"/> splits into exactly two fields, or a Parquet file has two columns.</summary>
    public static bool HasTwoColumns(string path, string? delimiter)
    {
        if (!File.Exists(path))
            return false;
        if (FileSniffer.IsParquet(path))
            return FileSniffer.ParquetColumns(path).Count == 2;
        var first = FileSniffer.FirstLine(path);
        var separator = delimiter switch
        {
            null => FileSniffer.GuessDelimiter(first),
            "tab" or "\\t" => "\t",
            _ => delimiter,
        };
        return separator is not null && first.Split(separator).Length == 2;
    }
}
