using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Collab.Data;

/// <summary>
/// Parses one block of whole lines of a ratings file straight from UTF-8 bytes, with the same results as the
/// Sep-based reader: same trimming, same numbers, same ids. It only handles the plain case, which is every
/// well-formed ratings file without quotes: anything else (a quote, a lone carriage return, a field that does
/// not parse, an empty id) makes it give up, and the caller reads the file with the Sep path, which then
/// reports the problem with its line number.
/// </summary>
internal sealed class RatingsChunkParser
{
    private const int StackChars = 256;

    // "D" and "D.d" as float.Parse reads them: the half-star ratings without a call to the parser.
    private static readonly float[] OneDecimal = [.. Enumerable.Range(0, 100).Select(n => float.Parse($"{n / 10}.{n % 10}", CultureInfo.InvariantCulture))];

    private readonly byte _separator;
    private readonly bool _hasHeader;
    private readonly int _userColumn;
    private readonly int _itemColumn;
    private readonly int _ratingColumn;
    private readonly int _timestampColumn;
    private readonly int _requiredColumns;
    private readonly int _lastColumn;

    public RatingsChunkParser(RatingsFileLayout layout)
    {
        Supported = layout.SepChar < '\x80' && SepAccepts(layout.SepChar);
        _separator = (byte)layout.SepChar;
        _hasHeader = layout.HasHeader;
        _userColumn = layout.Physical(layout.UserField);
        _itemColumn = layout.Physical(layout.ItemField);
        _ratingColumn = layout.RatingField is int r ? layout.Physical(r) : -1;
        _timestampColumn = layout.TimestampField is int t ? layout.Physical(t) : -1;
        _requiredColumns = Math.Max(_userColumn, Math.Max(_itemColumn, Math.Max(_ratingColumn, 0))) + 1;
        _lastColumn = Math.Max(_requiredColumns - 1, _timestampColumn);
    }

    /// <summary>
    /// Whether the byte parser can split on the separator: ASCII, and one Sep accepts (so a separator the Sep
    /// path refuses is refused the same way).
    /// </summary>
    public bool Supported { get; }

    /// <summary>Parses a block's lines into its chunk; false when the block needs the Sep path.</summary>
    /// <param name="text">The block: whole lines; every line but the file's last ends with '\n'.</param>
    /// <param name="chunk">Where the rows go; its block says whether the text starts the file (byte order mark and header first).</param>
    public bool Parse(ReadOnlySpan<byte> text, RatingsChunk chunk)
    {
        if (chunk.Block.FileStart && !SkipPreamble(ref text))
            return false;
        if (text.Contains((byte)'"'))
            return false;
        int carriageReturns = text.Count((byte)'\r');
        Span<int> bounds = stackalloc int[2 * (_lastColumn + 1)];
        var delimiters = new DelimiterScanner(text, _separator);
        for (int position = 0; position < text.Length;)
        {
            int end = NextLine(text, position, ref delimiters, bounds, out int columns);
            if (end < text.Length && end > position && text[end - 1] == (byte)'\r')
                carriageReturns--;
            if (!TrimAscii(text[position..end]).IsEmpty && !ParseRow(text, bounds, columns, chunk))
                return false;
            position = end + 1;
        }
        return carriageReturns == 0;
    }

    // Records where the needed columns of the line at position start and end; returns where the line ends.
    private int NextLine(ReadOnlySpan<byte> text, int position, ref DelimiterScanner delimiters, scoped Span<int> bounds, out int columns)
    {
        columns = 0;
        for (int start = position; ; columns++)
        {
            int hit = delimiters.Next();
            if (columns <= _lastColumn)
            {
                bounds[2 * columns] = start;
                bounds[2 * columns + 1] = hit;
            }
            if (hit == text.Length || text[hit] == (byte)'\n')
            {
                columns = Math.Min(columns + 1, _lastColumn + 1);
                return hit;
            }
            start = hit + 1;
        }
    }

    private static bool SepAccepts(char separator)
    {
        try
        {
            _ = new nietras.SeparatedValues.Sep(separator);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private bool SkipPreamble(ref ReadOnlySpan<byte> text)
    {
        if (text.StartsWith("\uFEFF"u8))
            text = text[3..];
        else if (text is [0xFE, 0xFF, ..] or [0xFF, 0xFE, ..])
            return false;
        if (!_hasHeader)
            return true;
        int end = text.IndexOf((byte)'\n');
        var header = end < 0 ? text : text[..end];
        if (!header.IsEmpty && header[^1] == (byte)'\r')
            header = header[..^1];
        text = end < 0 ? default : text[(end + 1)..];
        return !header.Contains((byte)'\r') && header.Count((byte)'"') % 2 == 0;
    }

    private bool ParseRow(ReadOnlySpan<byte> text, Span<int> bounds, int columns, RatingsChunk chunk)
    {
        if (columns < _requiredColumns)
            return false;
        int user = Id(Column(text, bounds, _userColumn), chunk.UserIds);
        int item = Id(Column(text, bounds, _itemColumn), chunk.ItemIds);
        float rating = 1f;
        if (user < 0 || item < 0 || (_ratingColumn >= 0 && !TryRating(Column(text, bounds, _ratingColumn), out rating)))
            return false;
        long timestamp = 0;
        if (_timestampColumn >= 0 && _timestampColumn < columns && !TryTimestamp(Column(text, bounds, _timestampColumn), out timestamp))
            return false;
        return chunk.TryAdd(user, item, rating, timestamp);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> Column(ReadOnlySpan<byte> text, Span<int> bounds, int column) =>
        TrimAscii(text[bounds[2 * column]..bounds[2 * column + 1]]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Id(ReadOnlySpan<byte> field, IdCollector ids) =>
        IdCollector.TryParseCanonical(field, out long number) ? ids.AddNumber(number) : TextId(field, ids);

    // Ids that are not canonical integers: decoded, trimmed as the Sep path trims (white space beyond ASCII too).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int TextId(ReadOnlySpan<byte> field, IdCollector ids)
    {
        if (field.IsEmpty)
            return -1;
        Span<char> chars = field.Length <= StackChars ? stackalloc char[StackChars] : new char[field.Length];
        var text = chars[..Encoding.UTF8.GetChars(field, chars)];
        if (!Ascii.IsValid(field))
            text = text.Trim();
        if (text.IsEmpty)
            return -1;
        return IdCollector.TryParseCanonical(text, out long number) ? ids.AddNumber(number) : ids.AddText(text);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryRating(ReadOnlySpan<byte> field, out float rating)
    {
        uint whole = field.IsEmpty ? 10 : (uint)(field[0] - '0');
        if (field.Length == 1 && whole <= 9)
        {
            rating = OneDecimal[whole * 10];
            return true;
        }
        if (field.Length == 3 && whole <= 9 && field[1] == (byte)'.' && (uint)(field[2] - '0') <= 9)
        {
            rating = OneDecimal[whole * 10 + (uint)(field[2] - '0')];
            return true;
        }
        return TryParseRating(field, out rating);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryParseRating(ReadOnlySpan<byte> field, out float rating) =>
        float.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out rating) && RatingValues.IsPlausible(rating);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryTimestamp(ReadOnlySpan<byte> field, out long timestamp)
    {
        timestamp = 0;
        if (field.IsEmpty)
            return true;
        if (field.Length <= 18)
        {
            long value = 0;
            foreach (byte b in field)
            {
                uint digit = (uint)(b - '0');
                if (digit > 9)
                    return TryParseTimestamp(field, out timestamp);
                value = value * 10 + digit;
            }
            timestamp = value;
            return true;
        }
        return TryParseTimestamp(field, out timestamp);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryParseTimestamp(ReadOnlySpan<byte> field, out long timestamp) =>
        long.TryParse(field, NumberStyles.Integer, CultureInfo.InvariantCulture, out timestamp);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> TrimAscii(ReadOnlySpan<byte> field)
    {
        int start = 0;
        while (start < field.Length && IsAsciiWhiteSpace(field[start]))
            start++;
        int end = field.Length;
        while (end > start && IsAsciiWhiteSpace(field[end - 1]))
            end--;
        return field[start..end];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiWhiteSpace(byte b) => b == (byte)' ' || (uint)(b - '\t') <= '\r' - '\t';
}
