using Collab.Numerics;

namespace Collab.Training.Blocked;

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
    private readonly int[] _order;
    private readonly bool[] _dealt;
    private readonly int[] _userBlockBusy;
    private readonly int[] _itemBlockBusy;

    // The first position of the epoch's order not dealt yet: with one worker blocks are dealt from here on, with
    // several a worker looks past the few that conflict with the others' blocks.
    private int _head;

    public BlockScheduler(RatingGrid grid)
    {
        _side = grid.Side;
        _order = [.. Enumerable.Range(0, grid.Blocks).Where(b => grid.BlockStart[b + 1] > grid.BlockStart[b])];
        _dealt = new bool[_order.Length];
        _userBlockBusy = new int[_side];
        _itemBlockBusy = new int[_side];
    }

    /// <summary>Starts an epoch: every non-empty block pending, in a fresh random order, none busy.</summary>
    public void BeginEpoch(SeededRandom random)
    {
        lock (_gate)
        {
            Array.Sort(_order);
            random.Shuffle(_order.AsSpan());
            Array.Clear(_dealt);
            _head = 0;
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
            while (_head < _order.Length && _dealt[_head])
                _head++;
            if (_head == _order.Length)
                return -1;
            // A conflicting block shares its user or item block with one held by another worker: at most 2·Side
            // of them are pending, so the scan is short; if every pending block conflicts, the first is dealt anyway.
            int chosen = _head;
            for (int at = _head; at < _order.Length; at++)
            {
                int block = _order[at];
                if (!_dealt[at] && _userBlockBusy[block / _side] == 0 && _itemBlockBusy[block % _side] == 0)
                {
                    chosen = at;
                    break;
                }
            }
            _dealt[chosen] = true;
            int next = _order[chosen];
            _userBlockBusy[next / _side]++;
            _itemBlockBusy[next % _side]++;
            return next;
        }
    }
}
