using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Collab.Reports.Spreadsheet;

/// <summary>
/// Writes the five sheets into an .xlsx package: through a temporary file in the target's folder and a
/// rename, with <c>fullCalcOnLoad</c> set so Excel and LibreOffice compute every formula when opening it.
/// </summary>
internal static class WorkbookWriter
{
    public static void Write(string path, LessonWorkbook book)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var document = SpreadsheetDocument.Create(temp, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
                Fill(document, book);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
                File.Delete(temp);
        }
    }

    private static void Fill(SpreadsheetDocument document, LessonWorkbook book)
    {
        var layout = new DotProdLayout(book.UserCount, book.ItemCount, book.Factors);
        SheetBuilder[] sheets =
        [
            MatrixSheet.Build(book),
            DotProdSheet.Build(book, layout),
            OneHotSheet.Build(book, layout),
            EmbeddingSheet.Build(book, layout),
            ReadmeSheet.Build(book, layout),
        ];
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles.Create();
        var entries = new Sheets();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = sheet.Build();
            entries.Append(new Sheet { Name = sheet.Name, SheetId = id++, Id = workbookPart.GetIdOfPart(part) });
        }
        workbookPart.Workbook = new Workbook(entries, new CalculationProperties { FullCalculationOnLoad = true });
    }
}
