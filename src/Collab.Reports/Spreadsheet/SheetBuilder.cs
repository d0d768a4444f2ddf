using System.Globalization;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Collab.Reports.Spreadsheet;

/// <summary>
/// Collects one sheet's cells by 1-based row and column, in any order, and emits them as OpenXml rows in
/// sheet order. Formulas carry the value Collab computed as their cached value; the workbook asks for a full
/// recalculation on load, so spreadsheets show their own results.
/// </summary>
internal sealed class SheetBuilder(string name)
{
    private readonly SortedDictionary<(int Row, int Column), Cell> _cells = [];
    private readonly SortedDictionary<int, double> _widths = [];
    private readonly Dictionary<int, double> _heights = [];

    public string Name { get; } = name;

    /// <summary>Print the sheet landscape on one page (the dotprod sheet, for the screenshot).</summary>
    public bool FitToOnePage { get; init; }

    public void Text(int row, int column, string text, CellStyle style = CellStyle.Default) =>
        Put(row, column, style, new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });

    public void Number(int row, int column, double value, CellStyle style = CellStyle.Default) =>
        Put(row, column, style, new Cell { CellValue = Value(value) });

    public void Formula(int row, int column, string formula, double cached, CellStyle style) =>
        Put(row, column, style, new Cell { CellFormula = new CellFormula(formula), CellValue = Value(cached) });

    /// <summary>A formula whose cached result is text (the empty squared error of an unrated cell).</summary>
    public void TextFormula(int row, int column, string formula, string cached, CellStyle style) =>
        Put(row, column, style, new Cell { DataType = CellValues.String, CellFormula = new CellFormula(formula), CellValue = new CellValue(cached) });

    /// <summary>An array formula (Ctrl+Shift+Enter in Excel) over one row, from <paramref name="column"/> on, one cached value per cell.</summary>
    public void RowArrayFormula(int row, int column, string formula, ReadOnlySpan<double> cached, CellStyle style)
    {
        var reference = CellRef.Range(row, column, row, column + cached.Length - 1);
        Put(row, column, style, new Cell
        {
            CellFormula = new CellFormula(formula) { FormulaType = CellFormulaValues.Array, Reference = reference },
            CellValue = Value(cached[0]),
        });
        for (int c = 1; c < cached.Length; c++)
            Put(row, column + c, style, new Cell { CellValue = Value(cached[c]) });
    }

    /// <summary>Sets the width of columns first to last (a later call wins where ranges overlap).</summary>
    public void Width(int first, int last, double width)
    {
        for (int column = first; column <= last; column++)
            _widths[column] = width;
    }

    /// <summary>The sheet's title in A1, in the larger font, its row tall enough for it.</summary>
    public void Title(string text)
    {
        Text(1, 1, text, CellStyle.Title);
        _heights[1] = 18;
    }

    public Worksheet Build()
    {
        var worksheet = new Worksheet();
        if (FitToOnePage)
            worksheet.Append(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        if (_widths.Count > 0)
            worksheet.Append(ColumnRuns());
        var data = new SheetData();
        foreach (var cells in _cells.GroupBy(c => c.Key.Row))
        {
            var row = new Row(cells.Select(c => c.Value)) { RowIndex = (uint)cells.Key };
            if (_heights.TryGetValue(cells.Key, out double height))
                (row.Height, row.CustomHeight) = (height, true);
            data.Append(row);
        }
        worksheet.Append(data);
        if (FitToOnePage)
        {
            worksheet.Append(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.4, Bottom = 0.4, Header = 0.2, Footer = 0.2 });
            worksheet.Append(new PageSetup { Orientation = OrientationValues.Landscape, FitToWidth = 1, FitToHeight = 1 });
        }
        return worksheet;
    }

    /// <summary>The widths as &lt;col&gt; runs: neighbouring columns of equal width share one, and runs never overlap.</summary>
    private Columns ColumnRuns()
    {
        var columns = new Columns();
        Column? run = null;
        foreach (var (index, width) in _widths)
        {
            if (run is not null && run.Max! + 1 == index && run.Width! == width)
            {
                run.Max = (uint)index;
                continue;
            }
            run = new Column { Min = (uint)index, Max = (uint)index, Width = width, CustomWidth = true };
            columns.Append(run);
        }
        return columns;
    }

    private void Put(int row, int column, CellStyle style, Cell cell)
    {
        cell.CellReference = CellRef.At(row, column);
        if (style != CellStyle.Default)
            cell.StyleIndex = (uint)style;
        if (!_cells.TryAdd((row, column), cell))
            throw new InvalidOperationException($"Sheet {Name}: cell {cell.CellReference} is written twice.");
    }

    private static CellValue Value(double value) => new(value.ToString("R", CultureInfo.InvariantCulture));
}
