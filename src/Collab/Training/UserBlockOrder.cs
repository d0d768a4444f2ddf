using Collab.Data;
using Collab.Numerics;

namespace Collab.Training;

/// <summary>
/// Fast mode's epoch order when the user rows do not fit in a core's cache. Users are cut into blocks of
/// consecutive model rows whose rows, biases and optimizer state fit in <see cref="BlockBytes"/>. Each epoch,
/// every rating is drawn at random into one of <see cref="Rounds"/> rounds; each round visits every block, in a
/// fresh random sequence, and a block's ratings of the round in a fresh random order. While a block is trained,
/// its user rows stay in cache; item rows, fewer and skewed towards popular items, mostly are anyway. This is
/// LIBMF's block schedule cut along one axis and applied to the order (workers still share each group of
/// batches). Every rating is trained once per epoch; unlike one long pass per block, the rounds spread each
/// user's ratings over the whole epoch, which is what keeps the accuracy of a uniform shuffle
/// (docs/training-modes.md).
/// </summary>
internal sealed class UserBlockOrder
{
    /// <summary>Bytes of user state per block: half of a core's 1 MB L2, leaving room for item rows and the batch's slots.</summary>
    public const int BlockBytes = 512 << 10;

    /// <summary>Rounds per epoch: each rating is drawn into one round, and every round visits every block.</summary>
    public const int Rounds = 64;

    private readonly int[] _users;
    private readonly int _usersPerBlock;
    private readonly int[] _ratingsPerBlock;

    private UserBlockOrder(int[] users, int usersPerBlock, int blocks)
    {
        _users = users;
        _usersPerBlock = usersPerBlock;
        _ratingsPerBlock = new int[blocks];
        foreach (int u in users)
            _ratingsPerBlock[u / usersPerBlock]++;
    }

    public int Blocks => _ratingsPerBlock.Length;

    /// <summary>The block order for these rows, or null when all user rows fit in one block (a plain shuffle then).</summary>
    public static UserBlockOrder? For(EncodedRatings train, int userRows, int factors, int blockBytes = BlockBytes)
    {
        // A user's factors and bias, and row-wise RMSprop's two state floats.
        int bytesPerUser = (factors + 1 + 2) * sizeof(float);
        int usersPerBlock = Math.Max(1, blockBytes / bytesPerUser);
        int blocks = (userRows + usersPerBlock - 1) / usersPerBlock;
        return blocks <= 1 ? null : new UserBlockOrder(train.UsersArray, usersPerBlock, blocks);
    }

    /// <summary>Fills <paramref name="order"/> (one entry per training row) with this epoch's order.</summary>
    public void Fill(int[] order, SeededRandom random)
    {
        // Bucket (round r, the b-th block of round r's sequence) holds the block's ratings drawn for round r.
        int blocks = Blocks;
        var position = new int[Rounds * blocks];
        var bucketOfBlock = new int[Rounds * blocks];
        for (int round = 0; round < Rounds; round++)
        {
            var sequence = random.Permutation(blocks);
            for (int b = 0; b < blocks; b++)
                bucketOfBlock[round * blocks + sequence[b]] = round * blocks + b;
        }
        ulong salt = random.NextUInt64();
        var counts = new int[Rounds * blocks];
        for (int row = 0; row < _users.Length; row++)
            counts[bucketOfBlock[RoundOf(row, salt) * blocks + _users[row] / _usersPerBlock]]++;
        for (int bucket = 0, at = 0; bucket < counts.Length; bucket++)
        {
            position[bucket] = at;
            at += counts[bucket];
        }
        var next = (int[])position.Clone();
        for (int row = 0; row < _users.Length; row++)
            order[next[bucketOfBlock[RoundOf(row, salt) * blocks + _users[row] / _usersPerBlock]]++] = row;
        for (int bucket = 0; bucket < counts.Length; bucket++)
            random.Shuffle(order.AsSpan(position[bucket], counts[bucket]));
    }

    // Which round a rating falls in this epoch: a hash of the row and the epoch's salt, uniform over the rounds.
    private static int RoundOf(int row, ulong salt)
    {
        ulong z = ((ulong)row + salt) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 31)) * 0xBF58476D1CE4E5B9UL;
        return (int)((z >> 32) * (ulong)Rounds >> 32);
    }
}
