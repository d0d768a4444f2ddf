namespace Collab.Data;

/// <summary>
/// Merges parsed blocks in file order as they finish: the block's local ids join the table's ids (keeping the
/// order of first appearance) and its id columns are renumbered in place. Whichever thread completes the next
/// block in order does the merging, under one lock, while the other threads keep parsing.
/// </summary>
internal sealed class BlockMerger(RatingsColumns columns, int blockCount)
{
    private readonly RatingsChunk?[] _waiting = new RatingsChunk?[blockCount];
    private readonly Lock _lock = new();
    private int _next;
    private volatile bool _failed;

    public RatingsColumns Columns { get; } = columns;

    public IdCollector UserIds { get; } = new();

    public IdCollector ItemIds { get; } = new();

    /// <summary>Rows each block gave.</summary>
    public int[] Rows { get; } = new int[blockCount];

    public bool Failed => _failed;

    /// <summary>Hands in a parsed block (null: it needs the Sep path) and returns the id collectors now free.</summary>
    public List<IdCollector> Complete(int block, RatingsChunk? chunk)
    {
        var free = new List<IdCollector>();
        lock (_lock)
        {
            if (chunk is null)
            {
                _failed = true;
                return free;
            }
            _waiting[block] = chunk;
            while (!_failed && _next < _waiting.Length && _waiting[_next] is { } ready)
            {
                _waiting[_next] = null;
                Merge(ready);
                Rows[_next++] = ready.Count;
                free.Add(ready.UserIds);
                free.Add(ready.ItemIds);
            }
        }
        return free;
    }

    private void Merge(RatingsChunk chunk)
    {
        var users = Columns.Users.AsSpan(chunk.Block.FirstRow, chunk.Count);
        var items = Columns.Items.AsSpan(chunk.Block.FirstRow, chunk.Count);
        Renumber(users, chunk.UserIds, UserIds);
        Renumber(items, chunk.ItemIds, ItemIds);
    }

    private static void Renumber(Span<int> column, IdCollector local, IdCollector merged)
    {
        var map = new int[local.Count];
        for (int i = 0; i < map.Length; i++)
            map[i] = merged.AddFrom(local, i);
        for (int r = 0; r < column.Length; r++)
            column[r] = map[column[r]];
    }
}
