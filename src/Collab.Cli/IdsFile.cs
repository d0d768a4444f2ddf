namespace Collab.Cli;

/// <summary>Reads ids to process in batch: the first field of each line; a first line naming a column is a header.</summary>
internal static class IdsFile
{
    public static List<string> Read(string path)
    {
        var firstLine = Collab.Data.FileSniffer.FirstLine(path);
        var delimiter = Collab.Data.FileSniffer.GuessDelimiter(firstLine);
        var ids = new List<string>();
        bool first = true;
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var id = (delimiter is null ? line : line.Split(delimiter)[0]).Trim().Trim('"');
            bool header = first && id.Contains("user", StringComparison.OrdinalIgnoreCase);
            first = false;
            if (!header)
                ids.Add(id);
        }
        return ids;
    }
}
