using Collab.Numerics;

namespace Collab.Training;

/// <summary>
/// Hands out the blocks of a <see cref="RatingGrid"/> for one epoch, each once, in a random order (LIBMF's
/// scheduler): a worker asking for its next block gets the first pending block that shares neither its user block
/// nor its item block with a block another worker is training, so workers never update the same rows. Only when
/// every pending block conflicts (the last few of an epoch) does it hand out a conflicting one rather than wait;
/// those two workers then share rows as Hogwild workers do. With one worker the order is the shuffled one, so a
/// seed fixes it.
/// </summary>
internal sealed class BlockScheduler
{
    private readonly object _gate = new();
    private readonly int _side;
    private readonly int[] _pending;
    private readonly int[] _userBlockBusy;
    private readonly int[] _itemBlockBusy;
    private int _pendingCount;

    public BlockScheduler(RatingGrid grid)
    {
        _side = grid.Side;
        _pending = [.. Enumerable.Range(0, grid.Blocks).Where(b => grid.BlockStart[b + 1] > grid.BlockStart[b])];
        _userBlockBusy = new int[_side];
        _itemBlockBusy = new int[_side];
    }

    /// <summary>Starts an epoch: every non-empty block pending, in a fresh random order, none busy.</summary>
    public void BeginEpoch(SeededRandom random)
    {
        lock (_gate)
        {
            Array.Sort(_pending);
            random.Shuffle(_pending.AsSpan());
            _pendingCount = _pending.Length;
            Array.Clear(_userBlockBusy);
            Array.Clear(_itemBlockBusy);
        }
    }

    /// <summary>Releases <paramref name="finished"/> (or nothing when negative) and returns the next block, or −1 when none is left.</summary>
    public int Next(int finished)
    {
        lock (_gate)
        {
            if (finished >= 0)
            {
                _userBlockBusy[finished / _side]--;
                _itemBlockBusy[finished % _side]--;
            }
            if (_pendingCount == 0)
                return -1;
            int chosen = 0;
            for (int p = 0; p < _pendingCount; p++)
            {
                int block = _pending[p];
                if (_userBlockBusy[block / _side] == 0 && _itemBlockBusy[block % _side] == 0)
                {
                    chosen = p;
                    break;
                }
            }
            int next = _pending[chosen];
            // Keep the rest in their order, so with one worker the blocks come exactly in the shuffled order.
            Array.Copy(_pending, chosen + 1, _pending, chosen, _pendingCount - chosen - 1);
            _pending[--_pendingCount] = next;
            _userBlockBusy[next / _side]++;
            _itemBlockBusy[next % _side]++;
            return next;
        }
    }
}
