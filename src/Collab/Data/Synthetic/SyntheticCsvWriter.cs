using System.Buffers;
using System.Text;

namespace Collab.Data.Synthetic;

/// <summary>
/// Writes synthetic ratings as MovieLens-style CSV. Blocks of users are generated and formatted to UTF-8 on
/// the thread pool, a few ahead of the writer, and written strictly in order, so the file is the same for
/// any number of cores.
/// </summary>
internal static class SyntheticCsvWriter
{
    public const string Header = "userId,movieId,rating,timestamp";

    // user (10 digits), item (10), rating (3), timestamp (19), three commas and a line feed.
    private const int MaxRowBytes = 46;

    private static readonly byte[][] HalfStars = [.. Enumerable.Range(0, 11).Select(h => Encoding.ASCII.GetBytes($"{h / 2}.{(h % 2) * 5}"))];

    public static void Write(SyntheticRatings source, Stream stream, IProgress<long>? progress, CancellationToken cancellation)
    {
        stream.Write(Encoding.ASCII.GetBytes(Header + "\n"));
        int window = Environment.ProcessorCount * 2;
        var pending = new Queue<Task<(byte[] Buffer, int Length, int Rows)>>();
        int next = 0;
        long written = 0;
        try
        {
            while (next < source.Blocks.Count || pending.Count > 0)
            {
                while (next < source.Blocks.Count && pending.Count < window)
                {
                    int block = next++;
                    pending.Enqueue(Task.Run(() => Format(source, block), cancellation));
                }
                var (buffer, length, rows) = pending.Dequeue().GetAwaiter().GetResult();
                stream.Write(buffer, 0, length);
                ArrayPool<byte>.Shared.Return(buffer);
                written += rows;
                progress?.Report(written);
            }
        }
        finally
        {
            foreach (var task in pending)
                task.ContinueWith(t => ArrayPool<byte>.Shared.Return(t.Result.Buffer), TaskContinuationOptions.OnlyOnRanToCompletion);
        }
    }

    private static (byte[] Buffer, int Length, int Rows) Format(SyntheticRatings source, int block)
    {
        var (first, end) = source.Blocks[block];
        int rows = (int)(source.RowOffset(end) - source.RowOffset(first));
        var items = ArrayPool<int>.Shared.Rent(rows);
        var ratings = ArrayPool<float>.Shared.Rent(rows);
        var timestamps = ArrayPool<long>.Shared.Rent(rows);
        var buffer = ArrayPool<byte>.Shared.Rent(rows * MaxRowBytes);
        try
        {
            source.GenerateBlock(block, items.AsSpan(0, rows), ratings.AsSpan(0, rows), timestamps.AsSpan(0, rows));
            var output = buffer.AsSpan();
            int at = 0;
            int row = 0;
            for (int u = first; u < end; u++)
            {
                for (int n = source.UserCounts[u]; n > 0; n--, row++)
                {
                    (u + 1).TryFormat(output[at..], out int w);
                    at += w;
                    output[at++] = (byte)',';
                    (items[row] + 1).TryFormat(output[at..], out w);
                    at += w;
                    output[at++] = (byte)',';
                    var stars = HalfStars[(int)(ratings[row] * 2)];
                    stars.CopyTo(output[at..]);
                    at += stars.Length;
                    output[at++] = (byte)',';
                    timestamps[row].TryFormat(output[at..], out w);
                    at += w;
                    output[at++] = (byte)'\n';
                }
            }
            return (buffer, at, rows);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(items);
            ArrayPool<float>.Shared.Return(ratings);
            ArrayPool<long>.Shared.Return(timestamps);
        }
    }
}
