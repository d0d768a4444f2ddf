using System.Globalization;
using System.Text;

namespace Collab.Reports.Tests.Support;

/// <summary>One sheet as LibreOffice exported it to CSV: cells by 1-based row and column.</summary>
public sealed class SheetGrid(List<string[]> rows)
{
    public int RowCount => rows.Count;

    public string Text(int row, int column) =>
        row <= rows.Count && column <= rows[row - 1].Length ? rows[row - 1][column - 1] : "";

    public double Number(int row, int column)
    {
        var text = Text(row, column);
        Assert.True(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value),
            $"Cell (row {row}, column {column}) holds '{text}', not a number.");
        return value;
    }

    /// <summary>Parses RFC 4180 CSV (quoted fields may hold commas, quotes and newlines).</summary>
    public static SheetGrid FromCsv(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < csv.Length; i++)
        {
            char c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                    field.Append(csv[++i]);
                else if (c == '"')
                    quoted = false;
                else
                    field.Append(c);
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || row.Count > 0)
            rows.Add([.. row, field.ToString()]);
        return new SheetGrid(rows);
    }
}
