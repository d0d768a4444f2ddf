using Collab.Data;
using Collab.Numerics;

namespace Collab.Training.Blocked;

/// <summary>
/// Fast mode's layout of the training ratings (LIBMF's): users and items are dealt to rows of the packed tables by
/// a seeded permutation (so popular users and items spread evenly), the rows are cut into
/// <see cref="Side"/> × <see cref="Side"/> blocks of consecutive rows, and each block's ratings are stored
/// together, sorted by user. A block's item rows fit in half a core's L2 (<see cref="ItemBytesPerBlock"/>), so
/// training a block reads them from cache, and its users come one after the other, so each user row is read once
/// per visit. Two blocks that share no user block and no item block share no row: workers train them at once
/// without touching each other's rows.
/// </summary>
internal sealed class RatingGrid
{
    /// <summary>Bytes of item rows per block: half of a core's 1 MB L2, the other half for the streamed user rows.</summary>
    public const int ItemBytesPerBlock = 512 << 10;

    /// <summary>The fewest blocks per side: enough for workers to find free blocks, and to spread a row's ratings over the epoch.</summary>
    public const int MinSide = 16;

    // A rating's position in its block is packed into one int: 16 bits of user offset, 16 of item offset.
    private const int MaxRowsPerBlock = 1 << 16;

    private RatingGrid(int side, int usersPerBlock, int itemsPerBlock, int[] userRow, int[] itemRow, int[] blockStart, int[] keys, float[] ratings)
    {
        Side = side;
        UsersPerBlock = usersPerBlock;
        ItemsPerBlock = itemsPerBlock;
        UserRow = userRow;
        ItemRow = itemRow;
        BlockStart = blockStart;
        Keys = keys;
        Ratings = ratings;
    }

    /// <summary>Blocks per side: block b covers user block b / Side and item block b % Side.</summary>
    public int Side { get; }

    public int Blocks => Side * Side;

    public int UsersPerBlock { get; }

    public int ItemsPerBlock { get; }

    /// <summary>The packed row of each model user.</summary>
    public int[] UserRow { get; }

    /// <summary>The packed row of each model item.</summary>
    public int[] ItemRow { get; }

    /// <summary>Block b's ratings are [BlockStart[b], BlockStart[b + 1]) of <see cref="Keys"/> and <see cref="Ratings"/>.</summary>
    public int[] BlockStart { get; }

    /// <summary>A rating's user and item as offsets from its block's first rows: user offset · 2^16 + item offset.</summary>
    public int[] Keys { get; }

    public float[] Ratings { get; }

    public int FirstUserRow(int block) => block / Side * UsersPerBlock;

    public int FirstItemRow(int block) => block % Side * ItemsPerBlock;

    /// <summary>Blocks per side for these table sizes and this row size in bytes.</summary>
    public static int SideFor(int users, int items, int rowBytes)
    {
        int itemsPerBlock = Math.Max(1, ItemBytesPerBlock / rowBytes);
        long side = Math.Max(MinSide, Math.Max(Ceiling(items, itemsPerBlock), Ceiling(Math.Max(users, items), MaxRowsPerBlock)));
        return (int)side;
    }

    /// <summary>Builds the grid of the training ratings; <paramref name="random"/> deals rows to blocks.</summary>
    public static RatingGrid Build(EncodedRatings train, int users, int items, int rowBytes, SeededRandom random, int threads)
    {
        int side = SideFor(users, items, rowBytes);
        int usersPerBlock = (int)Ceiling(users, side);
        int itemsPerBlock = (int)Ceiling(items, side);
        var userRow = random.Permutation(users);
        var itemRow = random.Permutation(items);

        // Counting sort into blocks, straight into the final arrays; then each block in place by user offset
        // (stable, so a user's items keep their order) through a buffer of one block per worker.
        var trainUsers = train.UsersArray;
        var trainItems = train.ItemsArray;
        var trainRatings = train.RatingsArray;
        int n = train.Count;
        var blockStart = new int[side * side + 1];
        for (int r = 0; r < n; r++)
            blockStart[userRow[trainUsers[r]] / usersPerBlock * side + itemRow[trainItems[r]] / itemsPerBlock + 1]++;
        int largest = 0;
        for (int b = 0; b < side * side; b++)
        {
            largest = Math.Max(largest, blockStart[b + 1]);
            blockStart[b + 1] += blockStart[b];
        }
        var keys = new int[n];
        var ratings = new float[n];
        var next = blockStart[..^1];
        for (int r = 0; r < n; r++)
        {
            int u = userRow[trainUsers[r]];
            int i = itemRow[trainItems[r]];
            int ub = u / usersPerBlock, ib = i / itemsPerBlock;
            int at = next[ub * side + ib]++;
            keys[at] = ((u - ub * usersPerBlock) << 16) | (i - ib * itemsPerBlock);
            ratings[at] = trainRatings[r];
        }
        Parallel.For(0, side * side, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            () => new SortBuffer(usersPerBlock, largest),
            (block, _, buffer) =>
            {
                buffer.Order(keys, ratings, blockStart[block], blockStart[block + 1]);
                return buffer;
            },
            _ => { });
        return new RatingGrid(side, usersPerBlock, itemsPerBlock, userRow, itemRow, blockStart, keys, ratings);
    }

    private static long Ceiling(long value, long divisor) => (value + divisor - 1) / divisor;
}
