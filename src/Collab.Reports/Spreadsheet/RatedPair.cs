namespace Collab.Reports.Spreadsheet;

/// <summary>
/// One rated cell of the matrix as a row of the lesson's long table (the model's input): user and item by
/// position in the matrix (0-based here, 1-based on the sheets, as the lesson's user_idx and movie_idx).
/// </summary>
internal readonly record struct RatedPair(int User, int Item, float Rating)
{
    public const int UserIndexColumn = 3;
    public const int ItemIndexColumn = 4;
    public const int RatingColumn = 5;

    /// <summary>The rated cells, row by row.</summary>
    public static List<RatedPair> All(LessonWorkbook book)
    {
        var pairs = new List<RatedPair>(book.Matrix.RatedCount);
        for (int u = 0; u < book.UserCount; u++)
        {
            for (int i = 0; i < book.ItemCount; i++)
            {
                if (book.Matrix[u, i] is { } rating)
                    pairs.Add(new RatedPair(u, i, rating));
            }
        }
        return pairs;
    }

    /// <summary>Columns A to E of a long-table row: user id, item id, user index, item index, rating.</summary>
    public void WriteKeys(SheetBuilder sheet, int row, LessonWorkbook book)
    {
        IdCell.Write(sheet, row, 1, book.Matrix.Users[User]);
        IdCell.Write(sheet, row, 2, book.Matrix.Items[Item]);
        sheet.Number(row, UserIndexColumn, User + 1, CellStyle.Input);
        sheet.Number(row, ItemIndexColumn, Item + 1, CellStyle.Input);
        sheet.Number(row, RatingColumn, Rating, CellStyle.Rating);
    }

    /// <summary>Headers of columns A to E.</summary>
    public static void WriteKeyHeaders(SheetBuilder sheet, int row)
    {
        string[] names = ["user", "item", "user_idx", "item_idx", "rating"];
        for (int c = 0; c < names.Length; c++)
            sheet.Text(row, c + 1, names[c], CellStyle.Header);
    }
}
