using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Collab.Data;

/// <summary>
/// The fast path of <see cref="RatingsReader"/>. A first pass counts line feeds on all cores and cuts the files
/// into blocks of whole lines, each knowing its first row; the columns are then allocated once at their final
/// size and a second pass parses the blocks from bytes on all cores, each straight into its rows, with ids
/// numbered per block. Blocks are merged in file order as they finish, so ids keep their order of first
/// appearance and the table is exactly the one the Sep path builds. When anything is not plain (quotes, a lone
/// carriage return, a field that does not parse, an overlong line) it returns null and the caller reads with
/// Sep, which gives the same table or the precise error. Only a few blocks of text are in memory at a time.
/// docs/speed.md has the measurements behind the design.
/// </summary>
internal static class ParallelRatingsReader
{
    /// <summary>Bytes per planned range (a block is at most two): big enough that merging block ids is cheap.</summary>
    public const int DefaultRangeBytes = 8 << 20;

    /// <summary>The table read from one file, or null when the Sep path must read it.</summary>
    public static RatingsTable? TryRead(string path, RatingsFileLayout layout) =>
        TryRead([(path, layout)], path)?.Table;

    /// <summary>
    /// Reads files into one table, rows in file order, and says how many rows each file gave; null when the Sep
    /// path must read them.
    /// </summary>
    public static (RatingsTable Table, int[] RowsPerFile)? TryRead(
        IReadOnlyList<(string Path, RatingsFileLayout Layout)> files, string source, int rangeBytes = DefaultRangeBytes, int threads = 0)
    {
        threads = threads > 0 ? threads : Environment.ProcessorCount;
        bool timestamps = files.All(f => f.Layout.TimestampField is not null);
        var parsers = files.Select(f => new RatingsChunkParser(timestamps ? f.Layout : f.Layout with { TimestampField = null })).ToArray();
        if (parsers.Any(p => !p.Supported))
            return null;
        var blocks = new List<RatingsBlock>();
        for (int f = 0; f < files.Count; f++)
        {
            int firstRow = blocks.Count == 0 ? 0 : blocks[^1].FirstRow + blocks[^1].MaxRows;
            if (RatingsBlockPlanner.Plan(files[f].Path, f, files[f].Layout.HasHeader, firstRow, rangeBytes, threads) is not { Count: > 0 } planned)
                return null;
            blocks.AddRange(planned);
        }
        var columns = new RatingsColumns(blocks[^1].FirstRow + blocks[^1].MaxRows, timestamps);
        var merger = new BlockMerger(columns, blocks.Count);
        if (!ParseAll(files, parsers, blocks, merger, threads))
            return null;
        var rowsPerFile = new int[files.Count];
        for (int b = 0; b < blocks.Count; b++)
            rowsPerFile[blocks[b].File] += merger.Rows[b];
        if (rowsPerFile.Any(rows => rows == 0))
            return null;
        Compact(columns, blocks, merger.Rows);
        var table = new RatingsTable(source, merger.UserIds.ToIdIndex(), merger.ItemIds.ToIdIndex(),
            columns.Users, columns.Items, columns.Ratings, columns.Timestamps);
        return (table, rowsPerFile);
    }

    private static bool ParseAll(IReadOnlyList<(string Path, RatingsFileLayout Layout)> files, RatingsChunkParser[] parsers,
        List<RatingsBlock> blocks, BlockMerger merger, int threads)
    {
        var handles = files.Select(f => File.OpenHandle(f.Path, FileMode.Open, FileAccess.Read, FileShare.Read)).ToArray();
        var collectors = new ConcurrentBag<IdCollector>();
        int next = -1;
        int bufferBytes = blocks.Max(b => b.Length);
        void Work()
        {
            var buffer = GC.AllocateUninitializedArray<byte>(bufferBytes);
            for (int b = Interlocked.Increment(ref next); b < blocks.Count && !merger.Failed; b = Interlocked.Increment(ref next))
            {
                var block = blocks[b];
                int read = RatingsBlockPlanner.ReadFully(handles[block.File], buffer, block.Start, block.Length);
                var chunk = new RatingsChunk(merger.Columns, block, Take(collectors), Take(collectors));
                bool parsed = read == block.Length && parsers[block.File].Parse(buffer.AsSpan(0, read), chunk);
                foreach (var done in merger.Complete(b, parsed ? chunk : null))
                {
                    done.Clear();
                    collectors.Add(done);
                }
            }
        }
        try
        {
            int workers = Math.Min(threads, blocks.Count);
            if (workers == 1)
                Work();
            else
                Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, _ => Work());
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        finally
        {
            foreach (var handle in handles)
                handle.Dispose();
        }
        return !merger.Failed;
    }

    private static IdCollector Take(ConcurrentBag<IdCollector> pool) => pool.TryTake(out var collector) ? collector : new IdCollector();

    // Closes the gaps that blank lines leave (each block reserved a row per line); usually there are none.
    private static void Compact(RatingsColumns columns, List<RatingsBlock> blocks, int[] rows)
    {
        int total = rows.Sum();
        if (total == columns.Users.Length)
            return;
        int at = 0;
        for (int b = 0; b < blocks.Count; b++)
        {
            columns.Move(blocks[b].FirstRow, at, rows[b]);
            at += rows[b];
        }
        columns.Truncate(total);
    }
}
