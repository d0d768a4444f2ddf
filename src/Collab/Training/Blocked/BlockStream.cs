namespace Collab.Training.Blocked;

/// <summary>A worker's place in the epoch: the block it is training and the next of that block's ratings.</summary>
internal sealed class BlockStream
{
    public int Block { get; private set; } = -1;

    public int Position { get; set; }

    public int End { get; private set; }

    public bool HasRatings => Position < End;

    /// <summary>Starts the epoch with no block.</summary>
    public void Reset() => (Block, Position, End) = (-1, 0, 0);

    /// <summary>Finishes the current block and takes the next; false when the epoch has none left.</summary>
    public bool Advance(BlockScheduler scheduler, RatingGrid grid)
    {
        Block = scheduler.Next(Block);
        if (Block < 0)
        {
            Reset();
            return false;
        }
        (Position, End) = (grid.BlockStart[Block], grid.BlockStart[Block + 1]);
        return true;
    }
}
