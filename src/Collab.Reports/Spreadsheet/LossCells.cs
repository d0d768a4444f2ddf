using L = Collab.Reports.Spreadsheet.DotProdLayout;

namespace Collab.Reports.Spreadsheet;

/// <summary>The loss cells of every computing sheet: the RMSE over the rated cells (B2), the sum of their squared errors (B3) and their count (B4).</summary>
internal static class LossCells
{
    public static void Write(SheetBuilder sheet, LessonWorkbook book, string ratingRange, string errorRange)
    {
        double rmse = book.Rmse();
        string sum = CellRef.Absolute(L.SumRow, L.LossColumn), count = CellRef.Absolute(L.CountRow, L.LossColumn);
        sheet.Text(L.RmseRow, L.LossColumn - 1, "RMSE", CellStyle.Header);
        sheet.Formula(L.RmseRow, L.LossColumn, $"SQRT({sum}/{count})", rmse, CellStyle.Loss);
        sheet.Text(L.SumRow, L.LossColumn - 1, "SSE", CellStyle.Header);
        sheet.Formula(L.SumRow, L.LossColumn, $"SUM({errorRange})", rmse * rmse * book.Matrix.RatedCount, CellStyle.Prediction);
        sheet.Text(L.CountRow, L.LossColumn - 1, "rated", CellStyle.Header);
        sheet.Formula(L.CountRow, L.LossColumn, $"COUNT({ratingRange})", book.Matrix.RatedCount, CellStyle.Default);
    }
}
