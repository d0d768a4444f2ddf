using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Collab.Data;

/// <summary>
/// The distinct ids of one column in order of first appearance, as <see cref="IdIndex"/> keeps them, but with
/// integer ids held as numbers: an id written as a canonical integer (digits without a leading zero, at most
/// 18 of them) is looked up as a <see cref="long"/>, any other id as text. Canonical integers and texts can
/// never spell the same id, so the two share one numbering. Small numbers (as MovieLens ids are) are looked
/// up in a dense array indexed by the number, larger or sparse ones in a dictionary; the last number looked
/// up is remembered, which makes files sorted by user almost free for the user column.
/// </summary>
internal sealed class IdCollector
{
    private const int MaxDigits = 18;
    private const int DenseSlack = 1 << 18;

    private readonly Dictionary<long, int> _numbers = [];
    private readonly Dictionary<string, int> _textIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _textIndexBySpan;
    private readonly List<string> _texts = [];

    // Entry i is the number itself (>= 0) or the complement of the position of its text in _texts (< 0).
    private readonly List<long> _entries = [];
    private int[] _dense = [];
    private long _lastNumber = -1;
    private int _lastIndex = -1;

    public IdCollector() => _textIndexBySpan = _textIndex.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _entries.Count;

    /// <summary>The index of a numeric id, adding it if new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int AddNumber(long value)
    {
        if (value == _lastNumber)
            return _lastIndex;
        if ((ulong)value < (ulong)_dense.Length)
        {
            // Dense slots hold index + 1, so the zeroed array means "not seen".
            int slot = _dense[value] - 1;
            if (slot >= 0)
            {
                _lastNumber = value;
                return _lastIndex = slot;
            }
        }
        return AddNewOrSparse(value);
    }

    /// <summary>The index of an id that is not a canonical integer, adding it if new.</summary>
    public int AddText(ReadOnlySpan<char> text)
    {
        if (_textIndexBySpan.TryGetValue(text, out int index))
            return index;
        var owned = text.ToString();
        index = Append(~(long)_texts.Count);
        _texts.Add(owned);
        _textIndex.Add(owned, index);
        return index;
    }

    /// <summary>Adds the id at <paramref name="index"/> of another collector and returns its index here.</summary>
    public int AddFrom(IdCollector other, int index)
    {
        long entry = other._entries[index];
        return entry >= 0 ? AddNumber(entry) : AddText(other._texts[(int)~entry]);
    }

    /// <summary>Forgets every id but keeps the space, for the next block.</summary>
    public void Clear()
    {
        foreach (long entry in _entries)
        {
            if ((ulong)entry < (ulong)_dense.Length)
                _dense[entry] = 0;
        }
        _numbers.Clear();
        _textIndex.Clear();
        _texts.Clear();
        _entries.Clear();
        _lastNumber = -1;
        _lastIndex = -1;
    }

    /// <summary>The ids as the reader's <see cref="IdIndex"/>, in the same order.</summary>
    public IdIndex ToIdIndex()
    {
        var ids = new IdIndex();
        Span<char> digits = stackalloc char[20];
        foreach (long entry in _entries)
        {
            if (entry < 0)
            {
                ids.GetOrAdd(_texts[(int)~entry]);
            }
            else
            {
                entry.TryFormat(digits, out int length, provider: CultureInfo.InvariantCulture);
                ids.GetOrAdd(digits[..length]);
            }
        }
        return ids;
    }

    /// <summary>Parses a canonical integer id from UTF-8 digits; false for anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseCanonical(ReadOnlySpan<byte> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > MaxDigits || (text[0] == (byte)'0' && text.Length > 1))
            return false;
        foreach (byte b in text)
        {
            uint digit = (uint)(b - '0');
            if (digit > 9)
                return false;
            value = value * 10 + digit;
        }
        return true;
    }

    /// <summary>Parses a canonical integer id from characters; false for anything else.</summary>
    public static bool TryParseCanonical(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        if (text.IsEmpty || text.Length > MaxDigits || (text[0] == '0' && text.Length > 1))
            return false;
        foreach (char c in text)
        {
            uint digit = (uint)(c - '0');
            if (digit > 9)
                return false;
            value = value * 10 + digit;
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private int AddNewOrSparse(long value)
    {
        _lastNumber = value;
        if ((ulong)value < (ulong)_dense.Length || TryGrowDense(value))
        {
            // Growing may have moved the number here from the dictionary.
            ref int slot = ref _dense[value];
            if (slot == 0)
                slot = Append(value) + 1;
            return _lastIndex = slot - 1;
        }
        ref int index = ref CollectionsMarshal.GetValueRefOrAddDefault(_numbers, value, out bool exists);
        if (!exists)
            index = Append(value);
        return _lastIndex = index;
    }

    // Numbers live in the dense array while it stays within a few times the number of distinct ids.
    private bool TryGrowDense(long value)
    {
        long wanted = (long)BitOperations.RoundUpToPowerOf2((ulong)value + 1);
        if (wanted > 4L * (_entries.Count + DenseSlack))
            return false;
        var grown = new int[wanted];
        _dense.CopyTo(grown, 0);
        foreach (var (number, index) in _numbers)
        {
            if (number < wanted)
                grown[number] = index + 1;
        }
        _dense = grown;
        return true;
    }

    private int Append(long entry)
    {
        _entries.Add(entry);
        return _entries.Count - 1;
    }
}
