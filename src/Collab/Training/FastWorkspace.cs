namespace Collab.Training;

/// <summary>
/// One worker's scratch for a fast-mode batch: which rows the batch touched (a stamp per row says whether
/// a row already has a slot in this batch) and compact gradient buffers, one slot per touched row.
/// </summary>
internal sealed class FastWorkspace
{
    private readonly int[] _userStamp;
    private readonly int[] _userSlot;
    private readonly int[] _itemStamp;
    private readonly int[] _itemSlot;
    private readonly int[] _touchedUsers;
    private readonly int[] _touchedItems;
    private int _stamp;
    private int _userCount;
    private int _itemCount;

    public FastWorkspace(int users, int items, int factors, int batchSize)
    {
        _userStamp = new int[users];
        _userSlot = new int[users];
        _itemStamp = new int[items];
        _itemSlot = new int[items];
        _touchedUsers = new int[batchSize];
        _touchedItems = new int[batchSize];
        UserGradients = new float[batchSize * factors];
        ItemGradients = new float[batchSize * factors];
        UserBiasGradients = new float[batchSize];
        ItemBiasGradients = new float[batchSize];
    }

    public float[] UserGradients { get; }

    public float[] ItemGradients { get; }

    public float[] UserBiasGradients { get; }

    public float[] ItemBiasGradients { get; }

    public ReadOnlySpan<int> TouchedUsers => _touchedUsers.AsSpan(0, _userCount);

    public ReadOnlySpan<int> TouchedItems => _touchedItems.AsSpan(0, _itemCount);

    /// <summary>Starts a batch; gradient slots are cleared by the optimizer step that consumes them.</summary>
    public void Begin()
    {
        _stamp++;
        _userCount = 0;
        _itemCount = 0;
    }

    public int UserSlot(int user) => Slot(user, _userStamp, _userSlot, _touchedUsers, ref _userCount);

    public int ItemSlot(int item) => Slot(item, _itemStamp, _itemSlot, _touchedItems, ref _itemCount);

    private int Slot(int row, int[] stamps, int[] slots, int[] touched, ref int count)
    {
        if (stamps[row] == _stamp)
            return slots[row];
        stamps[row] = _stamp;
        touched[count] = row;
        slots[row] = count;
        return count++;
    }
}
