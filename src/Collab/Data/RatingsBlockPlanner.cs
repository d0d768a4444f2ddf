namespace Collab.Data;

/// <summary>
/// Cuts a file into blocks of whole lines by counting line feeds in fixed ranges on all cores (a vectorised
/// count runs at memory speed). Each block ends after the last line feed of its range, so it holds exactly
/// that range's line feeds, and every block knows its first row before any is parsed: the parsers can write
/// straight into the table's final columns, and the text is never held in memory at once.
/// </summary>
internal static class RatingsBlockPlanner
{
    /// <summary>The blocks of a file, rows numbered from <paramref name="firstRow"/>; null when a line is longer than a range.</summary>
    public static List<RatingsBlock>? Plan(string path, int file, bool hasHeader, int firstRow, int rangeBytes, int threads)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        long length = RandomAccess.GetLength(handle);
        int ranges = (int)((length + rangeBytes - 1) / rangeBytes);
        var lineFeeds = new int[ranges];
        var lastLineFeed = new long[ranges];
        bool endsWithLineFeed = false;
        Parallel.For(0, ranges, new ParallelOptions { MaxDegreeOfParallelism = threads },
            () => GC.AllocateUninitializedArray<byte>((int)Math.Min(rangeBytes, length)),
            (k, _, buffer) =>
            {
                long start = (long)k * rangeBytes;
                var text = buffer.AsSpan(0, ReadFully(handle, buffer, start, (int)Math.Min(rangeBytes, length - start)));
                lineFeeds[k] = text.Count((byte)'\n');
                int last = text.LastIndexOf((byte)'\n');
                lastLineFeed[k] = last < 0 ? -1 : start + last;
                if (k == ranges - 1)
                    endsWithLineFeed = !text.IsEmpty && text[^1] == (byte)'\n';
                return buffer;
            },
            _ => { });

        var blocks = new List<RatingsBlock>(ranges);
        long blockStart = 0;
        int row = firstRow;
        for (int k = 0; k < ranges; k++)
        {
            bool last = k == ranges - 1;
            if (!last && lastLineFeed[k] < 0)
                return null;
            long end = last ? length : lastLineFeed[k] + 1;
            int lines = lineFeeds[k] + (last && !endsWithLineFeed ? 1 : 0) - (k == 0 && hasHeader ? 1 : 0);
            blocks.Add(new RatingsBlock(file, blockStart, checked((int)(end - blockStart)), k == 0, row, Math.Max(lines, 0)));
            row = checked(row + Math.Max(lines, 0));
            blockStart = end;
        }
        return blocks;
    }

    /// <summary>Reads <paramref name="count"/> bytes at <paramref name="offset"/> (fewer only at the end of the file).</summary>
    public static int ReadFully(Microsoft.Win32.SafeHandles.SafeFileHandle handle, byte[] buffer, long offset, int count)
    {
        int total = 0;
        while (total < count)
        {
            int read = RandomAccess.Read(handle, buffer.AsSpan(total, count - total), offset + total);
            if (read == 0)
                break;
            total += read;
        }
        return total;
    }
}
