namespace Collab.Reports.Tests.Support;

/// <summary>A1 addresses for the tests, written independently of the library's own helper.</summary>
public static class A1
{
    public static string At(int row, int column)
    {
        var name = "";
        for (int c = column; c > 0; c = (c - 1) / 26)
            name = (char)('A' + (c - 1) % 26) + name;
        return name + row;
    }

    public static (int Row, int Column) Parse(string reference)
    {
        var letters = new string([.. reference.TakeWhile(char.IsLetter)]);
        int column = letters.Aggregate(0, (acc, ch) => acc * 26 + (char.ToUpperInvariant(ch) - 'A' + 1));
        return (int.Parse(reference[letters.Length..], System.Globalization.CultureInfo.InvariantCulture), column);
    }

    /// <summary>Every address in a range such as X9:AB9.</summary>
    public static IEnumerable<string> Expand(string range)
    {
        var parts = range.Split(':');
        var (row1, column1) = Parse(parts[0]);
        var (row2, column2) = Parse(parts[^1]);
        for (int r = row1; r <= row2; r++)
        {
            for (int c = column1; c <= column2; c++)
                yield return At(r, c);
        }
    }
}
