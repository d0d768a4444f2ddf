namespace Collab.Data;

/// <summary>Appends rows to growing columns and freezes them into a <see cref="RatingsTable"/>.</summary>
internal sealed class RatingsTableBuilder(string source, bool hasTimestamps, int capacity)
{
    private readonly IdIndex _userIds = new();
    private readonly IdIndex _itemIds = new();
    private readonly List<int> _users = new(capacity);
    private readonly List<int> _items = new(capacity);
    private readonly List<float> _ratings = new(capacity);
    private readonly List<long>? _timestamps = hasTimestamps ? new(capacity) : null;

    public int Count => _users.Count;

    public void Add(ReadOnlySpan<char> user, ReadOnlySpan<char> item, float rating, long timestamp)
    {
        _users.Add(_userIds.GetOrAdd(user));
        _items.Add(_itemIds.GetOrAdd(item));
        _ratings.Add(rating);
        _timestamps?.Add(timestamp);
    }

    public RatingsTable Build() =>
        new(source, _userIds, _itemIds, [.. _users], [.. _items], [.. _ratings], _timestamps?.ToArray());
}
