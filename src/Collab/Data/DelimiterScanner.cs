using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Collab.Data;

/// <summary>
/// Walks a block of text from one separator or line feed to the next. Each 32-byte window is compared with
/// both at once (one vector compare each) and the hits are taken from the bit mask in order, so a short field
/// costs a bit scan instead of a byte loop or a search call.
/// </summary>
internal ref struct DelimiterScanner(ReadOnlySpan<byte> text, byte separator)
{
    private const int Window = 32;

    private readonly ReadOnlySpan<byte> _text = text;
    private readonly byte _separator = separator;
    private int _base = -Window;
    private uint _mask;

    /// <summary>The position of the next separator or line feed, or the text's length when there is none.</summary>
    public int Next()
    {
        while (_mask == 0)
        {
            if (_base >= _text.Length - Window)
                return _text.Length;
            _base += Window;
            _mask = Find(_base);
        }
        int hit = _base + BitOperations.TrailingZeroCount(_mask);
        _mask &= _mask - 1;
        return hit;
    }

    private readonly uint Find(int start)
    {
        if (Vector256.IsHardwareAccelerated && start + Window <= _text.Length)
        {
            var bytes = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(_text), (nuint)start);
            return (Vector256.Equals(bytes, Vector256.Create(_separator)) | Vector256.Equals(bytes, Vector256.Create((byte)'\n'))).ExtractMostSignificantBits();
        }
        uint mask = 0;
        for (int i = start; i < Math.Min(start + Window, _text.Length); i++)
        {
            if (_text[i] == _separator || _text[i] == (byte)'\n')
                mask |= 1u << (i - start);
        }
        return mask;
    }
}
