using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Collab.Reports.Tests.Support;

/// <summary>A written workbook opened with the OpenXml library: sheets by name, cells by A1 address.</summary>
public sealed class XlsxFile : IDisposable
{
    private readonly SpreadsheetDocument _document;
    private readonly Dictionary<string, Dictionary<string, Cell>> _cells = [];

    private XlsxFile(SpreadsheetDocument document) => _document = document;

    public static XlsxFile Open(string path, bool editable = false) => new(SpreadsheetDocument.Open(path, editable));

    private WorkbookPart WorkbookPart => _document.WorkbookPart!;

    public IReadOnlyList<string> SheetNames => [.. WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public bool FullCalculationOnLoad => WorkbookPart.Workbook.CalculationProperties?.FullCalculationOnLoad?.Value == true;

    public IReadOnlyDictionary<string, Cell> Cells(string sheet)
    {
        if (!_cells.TryGetValue(sheet, out var cells))
        {
            var entry = WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet);
            var part = (WorksheetPart)WorkbookPart.GetPartById(entry.Id!);
            cells = part.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            _cells[sheet] = cells;
        }
        return cells;
    }

    public Cell Cell(string sheet, string reference) =>
        Cells(sheet).TryGetValue(reference, out var cell) ? cell : throw new KeyNotFoundException($"{sheet}!{reference} is empty.");

    public string? Formula(string sheet, string reference) => Cell(sheet, reference).CellFormula?.Text;

    /// <summary>The number stored in a cell (its cached value when it holds a formula).</summary>
    public double Number(string sheet, string reference) =>
        double.Parse(Cell(sheet, reference).CellValue!.Text, CultureInfo.InvariantCulture);

    /// <summary>The text of a cell written as an inline string.</summary>
    public string Text(string sheet, string reference) => Cell(sheet, reference).InlineString?.Text?.Text ?? "";

    /// <summary>Removes every cached formula result (array members included), so whatever opens the file must compute them.</summary>
    public void DropCachedValues()
    {
        foreach (var sheet in SheetNames)
        {
            var cells = Cells(sheet);
            var arrayMembers = cells.Values
                .Where(c => c.CellFormula?.FormulaType?.Value == CellFormulaValues.Array)
                .SelectMany(c => A1.Expand(c.CellFormula!.Reference!.Value!))
                .ToHashSet();
            foreach (var (reference, cell) in cells)
            {
                if (cell.CellFormula is not null || arrayMembers.Contains(reference))
                {
                    cell.CellValue = null;
                    cell.DataType = null;
                }
            }
        }
    }

    /// <summary>Replaces a cell's number, leaving every cached formula result as it was (stale).</summary>
    public void SetNumber(string sheet, string reference, double value) =>
        Cell(sheet, reference).CellValue = new CellValue(value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Closes the file; an editable one is saved.</summary>
    public void Dispose() => _document.Dispose();
}
