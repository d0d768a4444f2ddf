using System.Runtime.CompilerServices;

namespace Collab.Data;

/// <summary>
/// Where one block's rows go: its slice of the table's final columns (ids numbered locally, by first
/// appearance within the block, until the merge renumbers them) and the block's local ids.
/// </summary>
internal sealed class RatingsChunk(RatingsColumns columns, RatingsBlock block, IdCollector userIds, IdCollector itemIds)
{
    public RatingsBlock Block { get; } = block;

    public IdCollector UserIds { get; } = userIds;

    public IdCollector ItemIds { get; } = itemIds;

    public int Count { get; private set; }

    /// <summary>Adds a row; false if the block already has as many rows as it has lines (the file changed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAdd(int user, int item, float rating, long timestamp)
    {
        if (Count == Block.MaxRows)
            return false;
        int row = Block.FirstRow + Count++;
        columns.Users[row] = user;
        columns.Items[row] = item;
        columns.Ratings[row] = rating;
        if (columns.Timestamps is { } timestamps)
            timestamps[row] = timestamp;
        return true;
    }
}
