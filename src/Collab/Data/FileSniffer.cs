using System.Text;

namespace Collab.Data;

/// <summary>Looks at the start of a file to tell Parquet from text, to refuse what is neither and to guess the delimiter.</summary>
public static class FileSniffer
{
    private const int SampleBytes = 64 * 1024;

    /// <summary>
    /// True when the file starts with Parquet's magic bytes "PAR1", whatever its name: ratings readers then read it as
    /// Parquet rather than text.
    /// </summary>
    public static bool IsParquet(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            return false;
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual("PAR1"u8);
    }

    /// <summary>The column names of a Parquet file (<see cref="IsParquet"/>), in schema order.</summary>
    /// <exception cref="RatingsFormatException">The file is not readable Parquet.</exception>
    public static IReadOnlyList<string> ParquetColumns(string path) => ParquetRatingsFile.ColumnNames(path);

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
            throw new RatingsFormatException(path, null, null, "this is not a text file (it contains NUL bytes). Give a CSV, TSV, '::'-separated or Parquet ratings file.");
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
