namespace Collab.Data;

/// <summary>
/// The raw ids of one column (users or items) in order of first appearance, each with a dense index.
/// Look-ups by span avoid allocating a string per row while a file is read.
/// </summary>
public sealed class IdIndex
{
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly List<string> _ids = [];

    /// <summary>Creates an empty index.</summary>
    public IdIndex() => _bySpan = _indexById.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Number of distinct ids.</summary>
    public int Count => _ids.Count;

    /// <summary>The ids, by dense index.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>The raw id at a dense index.</summary>
    public string this[int index] => _ids[index];

    /// <summary>Returns the index of an id, adding it if it is new.</summary>
    public int GetOrAdd(ReadOnlySpan<char> id)
    {
        if (_bySpan.TryGetValue(id, out int index))
            return index;
        var text = id.ToString();
        index = _ids.Count;
        _indexById.Add(text, index);
        _ids.Add(text);
        return index;
    }

    /// <summary>Finds the index of an id.</summary>
    public bool TryGetIndex(ReadOnlySpan<char> id, out int index) => _bySpan.TryGetValue(id, out index);
}
