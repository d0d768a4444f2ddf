namespace Collab.Reports.Spreadsheet;

/// <summary>The lesson's crosstab: users down, items across, each user's rating, blank where unrated.</summary>
internal static class MatrixSheet
{
    public const string Sheet = "matrix";

    public static SheetBuilder Build(LessonWorkbook book)
    {
        var sheet = new SheetBuilder(Sheet);
        sheet.Text(1, 1, "user \\ item", CellStyle.Header);
        for (int i = 0; i < book.ItemCount; i++)
            IdCell.Write(sheet, 1, i + 2, book.Matrix.Items[i]);
        for (int u = 0; u < book.UserCount; u++)
        {
            IdCell.Write(sheet, u + 2, 1, book.Matrix.Users[u]);
            for (int i = 0; i < book.ItemCount; i++)
            {
                if (book.Matrix[u, i] is { } rating)
                    sheet.Number(u + 2, i + 2, rating, CellStyle.Rating);
            }
        }
        sheet.Width(1, 1, 11);
        sheet.Width(2, book.ItemCount + 1, 7.5);
        return sheet;
    }
}
