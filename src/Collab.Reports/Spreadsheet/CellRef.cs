namespace Collab.Reports.Spreadsheet;

/// <summary>A1-style cell and range addresses from 1-based row and column numbers.</summary>
internal static class CellRef
{
    /// <summary>Column letters: 1 is A, 26 is Z, 27 is AA.</summary>
    public static string Column(int column)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(column);
        var letters = new Stack<char>();
        for (int c = column; c > 0; c = (c - 1) / 26)
            letters.Push((char)('A' + (c - 1) % 26));
        return new string([.. letters]);
    }

    /// <summary>A relative address such as B7.</summary>
    public static string At(int row, int column) => $"{Column(column)}{row}";

    /// <summary>An absolute address such as $B$7.</summary>
    public static string Absolute(int row, int column) => $"${Column(column)}${row}";

    /// <summary>An address with only the row fixed, such as B$7.</summary>
    public static string FixedRow(int row, int column) => $"{Column(column)}${row}";

    /// <summary>An address with only the column fixed, such as $B7.</summary>
    public static string FixedColumn(int row, int column) => $"${Column(column)}{row}";

    /// <summary>A relative range such as B7:F7.</summary>
    public static string Range(int row, int column, int lastRow, int lastColumn) => $"{At(row, column)}:{At(lastRow, lastColumn)}";

    /// <summary>An absolute range such as $B$7:$F$21.</summary>
    public static string AbsoluteRange(int row, int column, int lastRow, int lastColumn) =>
        $"{Absolute(row, column)}:{Absolute(lastRow, lastColumn)}";
}
