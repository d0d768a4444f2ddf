using System.Globalization;
using System.Text;

namespace Collab;

/// <summary>
/// Makes text read from a file safe to show in a one-line message: line breaks, tabs, other control characters
/// (ANSI and OSC escape sequences start with one), invisible format characters (bidirectional overrides) and lone
/// surrogates are written as escapes such as <c>\n</c>, <c>\x1B</c> or <c>\u202E</c>, so a message stays on one
/// line and nothing in it reaches the terminal as a command. Every message that echoes file text goes through it.
/// </summary>
public static class DisplayText
{
    /// <summary>How many characters of a field <see cref="Quote"/> shows. <value>40.</value></summary>
    public const int QuotedLength = 40;

    /// <summary>
    /// The text in single quotes, escaped as <see cref="Escape"/> does, cut after <paramref name="maxLength"/>
    /// characters with "..." when longer: <c>3⏎4</c> becomes <c>'3\n4'</c>.
    /// </summary>
    public static string Quote(ReadOnlySpan<char> text, int maxLength = QuotedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        bool cut = text.Length > maxLength;
        if (cut)
        {
            int end = maxLength;
            if (char.IsHighSurrogate(text[end - 1]) && char.IsLowSurrogate(text[end]))
                end--;
            text = text[..end];
        }
        return $"'{Escape(text)}{(cut ? "..." : "")}'";
    }

    /// <summary>The text with every character that could break a line or drive a terminal written as an escape.</summary>
    public static string Escape(ReadOnlySpan<char> text)
    {
        int first = FirstUnsafe(text);
        if (first < 0)
            return text.ToString();
        var builder = new StringBuilder(text.Length + 8);
        builder.Append(text[..first]);
        for (int i = first; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }
            if (!IsUnsafe(c))
            {
                builder.Append(c);
                continue;
            }
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < '\u0100' => $"\\x{(int)c:X2}",
                _ => $"\\u{(int)c:X4}",
            });
        }
        return builder.ToString();
    }

    /// <summary>Whether the text has nothing <see cref="Escape"/> would change.</summary>
    public static bool IsSafe(ReadOnlySpan<char> text) => FirstUnsafe(text) < 0;

    private static int FirstUnsafe(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsUnsafe(c))
                return i;
        }
        return -1;
    }

    private static bool IsUnsafe(char c) => c < ' ' || char.IsControl(c) || char.IsSurrogate(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
