using System.Globalization;

namespace Collab.Data;

/// <summary>
/// The ids a model knows, as fastai builds them: index 0 is <see cref="NotAvailable"/> ("#na#"), then the
/// distinct ids sorted (numerically when every id is an integer, else ordinally). An id the model does not
/// know encodes to 0; callers are told so (see <see cref="TryGetIndex"/>).
/// </summary>
public sealed class Vocabulary
{
    /// <summary>The placeholder id at index 0 that unknown ids map to.</summary>
    public const string NotAvailable = "#na#";

    private readonly string[] _ids;
    private readonly Dictionary<string, int> _indexById;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    private Vocabulary(string[] ids)
    {
        _ids = ids;
        _indexById = new Dictionary<string, int>(ids.Length, StringComparer.Ordinal);
        for (int i = 1; i < ids.Length; i++)
            _indexById.Add(ids[i], i);
        _bySpan = _indexById.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of entries, <see cref="NotAvailable"/> included.</summary>
    public int Count => _ids.Length;

    /// <summary>All entries by index; entry 0 is <see cref="NotAvailable"/>.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>The id at an index.</summary>
    public string this[int index] => _ids[index];

    /// <summary>Builds a vocabulary from distinct ids (duplicates are ignored).</summary>
    public static Vocabulary FromIds(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var distinct = ids.Distinct(StringComparer.Ordinal).Where(id => id != NotAvailable).ToArray();
        Array.Sort(distinct, ChooseComparer(distinct));
        return new Vocabulary([NotAvailable, .. distinct]);
    }

    /// <summary>Restores a vocabulary saved with its order (entry 0 must be <see cref="NotAvailable"/>).</summary>
    public static Vocabulary FromOrderedEntries(string[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Length == 0 || entries[0] != NotAvailable)
            throw new ArgumentException($"A vocabulary starts with '{NotAvailable}'.", nameof(entries));
        return new Vocabulary(entries);
    }

    /// <summary>Finds an id; false (and index 0) when the model does not know it.</summary>
    public bool TryGetIndex(ReadOnlySpan<char> id, out int index)
    {
        if (_bySpan.TryGetValue(id, out index))
            return true;
        index = 0;
        return false;
    }

    /// <summary>The index of an id, or 0 (<see cref="NotAvailable"/>) when unknown, as fastai encodes.</summary>
    public int Encode(ReadOnlySpan<char> id) => _bySpan.TryGetValue(id, out int index) ? index : 0;

    /// <summary>Maps every raw index of <paramref name="raw"/> to this vocabulary (0 when unknown).</summary>
    internal int[] MapFrom(IdIndex raw)
    {
        var map = new int[raw.Count];
        for (int i = 0; i < map.Length; i++)
            map[i] = Encode(raw[i]);
        return map;
    }

    private static IComparer<string> ChooseComparer(string[] ids) =>
        ids.All(id => long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            ? Comparer<string>.Create((a, b) => long.Parse(a, CultureInfo.InvariantCulture).CompareTo(long.Parse(b, CultureInfo.InvariantCulture)))
            : StringComparer.Ordinal;
}
