using System.Buffers.Binary;

namespace Collab.Persistence;

/// <summary>Reads little-endian values from a span, failing cleanly on any length that runs past the end.</summary>
internal ref struct SpanReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly bool AtEnd => _position == _data.Length;

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
