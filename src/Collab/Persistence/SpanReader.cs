using System.Buffers.Binary;

namespace Collab.Persistence;

/// <summary>Reads little-endian values from a span, failing cleanly on any length that runs past the end.</summary>
internal ref struct SpanReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool AtEnd => _position == _data.Length;

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _data.Length - _position;

    /// <summary>A count of entries that take at least <paramref name="bytesEach"/> bytes each, checked against the bytes left before anything is allocated.</summary>
    public int Count(int bytesEach)
    {
        int value = Count();
        if ((long)value * bytesEach > Remaining)
            throw new InvalidDataException($"a count of {value:N0} entries is more than the {Remaining:N0} bytes left can hold");
        return value;
    }

    /// <summary>A non-negative 32-bit count or length.</summary>
    public int Count()
    {
        int value = BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));
        if (value < 0)
            throw new InvalidDataException($"negative length {value}");
        return value;
    }

    public ReadOnlySpan<byte> Bytes(int length)
    {
        if (length < 0 || length > _data.Length - _position)
            throw new EndOfStreamException($"a section of {length} bytes runs past the end of the file");
        var slice = _data.Slice(_position, length);
        _position += length;
        return slice;
    }
}
