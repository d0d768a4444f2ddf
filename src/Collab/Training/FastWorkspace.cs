using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Collab.Training;

/// <summary>
/// One worker's scratch for a fast-mode batch: the batch's encoded ratings, which rows it touched and compact
/// gradient buffers, one slot per touched row. A row's slot is found in a small open-addressing table per
/// batch (a few kilobytes that stay in L1), not in an array over all rows, which at 162,000 users would be one
/// more cache and TLB miss per rating.
/// </summary>
internal sealed class FastWorkspace
{
    private readonly SlotTable _users;
    private readonly SlotTable _items;

    public FastWorkspace(int factors, int batchSize)
    {
        _users = new SlotTable(batchSize);
        _items = new SlotTable(batchSize);
        BatchUsers = new int[batchSize];
        BatchItems = new int[batchSize];
        BatchRatings = new float[batchSize];
        BatchScores = new float[batchSize];
        UserGradients = new float[batchSize * factors];
        ItemGradients = new float[batchSize * factors];
        UserBiasGradients = new float[batchSize];
        ItemBiasGradients = new float[batchSize];
    }

    /// <summary>The batch's encoded ratings, gathered from the shuffled order.</summary>
    public int[] BatchUsers { get; }

    public int[] BatchItems { get; }

    public float[] BatchRatings { get; }

    /// <summary>Each rating's raw score, then its gradient with respect to the score.</summary>
    public float[] BatchScores { get; }

    public float[] UserGradients { get; }

    public float[] ItemGradients { get; }

    public float[] UserBiasGradients { get; }

    public float[] ItemBiasGradients { get; }

    public ReadOnlySpan<int> TouchedUsers => _users.Touched;

    public ReadOnlySpan<int> TouchedItems => _items.Touched;

    /// <summary>
    /// Starts a batch. Row-wise RMSprop writes a slot's first gradient over whatever it held
    /// (<see cref="UserSlot(int, out bool)"/> says when); lazy Adam's step clears the slots it consumes.
    /// </summary>
    public void Begin()
    {
        _users.Clear();
        _items.Clear();
    }

    public int UserSlot(int user) => _users.Slot(user, out _);

    public int ItemSlot(int item) => _items.Slot(item, out _);

    /// <summary>The user's slot in this batch; <paramref name="isNew"/> when this is the batch's first rating of the user.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int UserSlot(int user, out bool isNew) => _users.Slot(user, out isNew);

    /// <summary>The item's slot in this batch; <paramref name="isNew"/> when this is the batch's first rating of the item.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ItemSlot(int item, out bool isNew) => _items.Slot(item, out isNew);

    /// <summary>Distinct rows of one batch and their slots: open addressing with linear probing, at most a quarter full.</summary>
    private sealed class SlotTable
    {
        private readonly int[] _keys;
        private readonly int[] _slots;
        private readonly int[] _touched;
        private readonly int _shift;
        private int _count;

        public SlotTable(int capacity)
        {
            int size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, 4 * capacity));
            _keys = new int[size];
            _slots = new int[size];
            _touched = new int[capacity];
            _shift = 32 - BitOperations.Log2((uint)size);
        }

        public ReadOnlySpan<int> Touched => _touched.AsSpan(0, _count);

        // A kilobyte or two, cheaper to clear whole than entry by entry.
        public void Clear()
        {
            Array.Clear(_keys);
            _count = 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Home(int row) => (int)((uint)(row + 1) * 0x9E3779B1u >> _shift);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Slot(int row, out bool isNew)
        {
            int key = row + 1;
            int mask = _keys.Length - 1;
            ref int keys = ref MemoryMarshal.GetArrayDataReference(_keys);
            int at = Home(row);
            while (true)
            {
                int found = Unsafe.Add(ref keys, at);
                if (found == key)
                {
                    isNew = false;
                    return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), at);
                }
                if (found == 0)
                    break;
                at = (at + 1) & mask;
            }
            isNew = true;
            Unsafe.Add(ref keys, at) = key;
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), at) = _count;
            _touched[_count] = row;
            return _count++;
        }
    }
}
