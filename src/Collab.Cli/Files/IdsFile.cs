namespace Collab.Cli.Files;

/// <summary>Reads ids to process in batch: the first field of each line; a first line naming a column is a header.</summary>
internal static class IdsFile
{
    /// <summary>The ids in the file; a first field containing one of <paramref name="headerWords"/> (default "user") is a header.</summary>
    public static List<string> Read(string path, params string[] headerWords)
    {
        if (headerWords.Length == 0)
            headerWords = ["user"];
        var firstLine = Collab.Data.FileSniffer.FirstLine(path);
        var delimiter = Collab.Data.FileSniffer.GuessDelimiter(firstLine);
        var ids = new List<string>();
        bool first = true;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var id = (delimiter is null ? line : line.Split(delimiter)[0]).Trim().Trim('"');
            bool header = first && headerWords.Any(word => id.Contains(word, StringComparison.OrdinalIgnoreCase));
            first = false;
            if (!header)
                ids.Add(id);
        }
        return ids;
    }
}
