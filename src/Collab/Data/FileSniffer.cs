using System.Text;

namespace Collab.Data;

/// <summary>Looks at the start of a file to refuse what is not text and to guess the delimiter.</summary>
public static class FileSniffer
{
    private const int SampleBytes = 64 * 1024;

    /// <summary>Returns the first line of the file (without its line end), or throws a clear error.</summary>
    public static string FirstLine(string path)
    {
        if (!File.Exists(path))
            throw new RatingsFormatException(path, null, null, "the file does not exist. Check the path, or name a dataset (see 'collab datasets').");
        var buffer = new byte[SampleBytes];
        int read;
        using (var stream = File.OpenRead(path))
            read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        if (read == 0)
            throw new RatingsFormatException(path, null, null, "the file is empty. Give a file with one rating per line (user, item, rating).");
        var sample = buffer.AsSpan(0, read);
        if (sample.Contains((byte)0))
            throw new RatingsFormatException(path, null, null, "this is not a text file (it contains NUL bytes). Give a CSV, TSV or '::'-separated ratings file.");
        int end = sample.IndexOfAny((byte)'\n', (byte)'\r');
        var first = end < 0 ? sample : sample[..end];
        var text = Encoding.UTF8.GetString(first);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    /// <summary>Guesses the delimiter from the first line: "::", then tab, comma, semicolon, pipe.</summary>
    public static string? GuessDelimiter(string firstLine)
    {
        if (firstLine.Contains("::", StringComparison.Ordinal))
            return "::";
        foreach (var candidate in new[] { "\t", ",", ";", "|" })
        {
            if (firstLine.Contains(candidate, StringComparison.Ordinal))
                return candidate;
        }
        return null;
    }
}
