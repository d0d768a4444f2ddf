using L = Collab.Reports.Spreadsheet.DotProdLayout;

namespace Collab.Reports.Spreadsheet;

/// <summary>Row 2 of every computing sheet: the RMSE over the rated cells, their count, and the sum of squared errors.</summary>
internal static class LossCells
{
    public static void Write(SheetBuilder sheet, LessonWorkbook book, string ratingRange, string errorRange)
    {
        string count = CellRef.Absolute(L.LossRow, L.CountColumn), sum = CellRef.Absolute(L.LossRow, L.SumColumn);
        sheet.Text(L.LossRow, L.RmseColumn - 1, "RMSE", CellStyle.Header);
        sheet.Formula(L.LossRow, L.RmseColumn, $"SQRT({sum}/{count})", book.Rmse(), CellStyle.Loss);
        sheet.Text(L.LossRow, L.CountColumn - 1, "rated", CellStyle.Header);
        sheet.Formula(L.LossRow, L.CountColumn, $"COUNT({ratingRange})", book.Matrix.RatedCount, CellStyle.Default);
        sheet.Text(L.LossRow, L.SumColumn - 1, "sum sq err", CellStyle.Header);
        double rmse = book.Rmse();
        sheet.Formula(L.LossRow, L.SumColumn, $"SUM({errorRange})", rmse * rmse * book.Matrix.RatedCount, CellStyle.Prediction);
    }
}
