namespace Collab.Reports.Tests.Support;

/// <summary>The onehot or embedding sheet's long table read back from CSV by its header names.</summary>
public sealed record LongTable(IReadOnlyList<LongTable.Row> Rows)
{
    public sealed record Row(string User, string Item, double Rating, double Prediction, double SquaredError);

    public static LongTable Read(SheetGrid grid)
    {
        int header = Enumerable.Range(1, grid.RowCount).First(r => grid.Text(r, 1) == "user" && grid.Text(r, 2) == "item");
        int prediction = ColumnOf(grid, header, "prediction"), error = ColumnOf(grid, header, "sq err");
        var rows = new List<Row>();
        for (int r = header + 1; r <= grid.RowCount && grid.Text(r, 1).Length > 0; r++)
            rows.Add(new Row(grid.Text(r, 1), grid.Text(r, 2), grid.Number(r, 5), grid.Number(r, prediction), grid.Number(r, error)));
        return new LongTable(rows);
    }

    private static int ColumnOf(SheetGrid grid, int row, string name)
    {
        for (int c = 1; c < 500; c++)
        {
            if (grid.Text(row, c) == name)
                return c;
        }
        throw new InvalidOperationException($"No column '{name}' in row {row}.");
    }
}
