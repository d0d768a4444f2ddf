using L = Collab.Reports.Spreadsheet.DotProdLayout;

namespace Collab.Reports.Spreadsheet;

/// <summary>
/// The lesson's dotprod sheet: item factors on top, user factors on the left, each prediction cell
/// MMULT(user row, item column) plus both biases through the sigmoid range; then the ratings and the squared
/// errors of the rated cells, and the RMSE in B2.
/// </summary>
internal static class DotProdSheet
{
    public static SheetBuilder Build(LessonWorkbook book, L layout)
    {
        var sheet = new SheetBuilder(L.Sheet) { FitToOnePage = true };
        int k = book.Factors;
        bool hasRange = book.YRange is not null;
        sheet.Title("dotprod: prediction = " + (hasRange
            ? "low + (high - low) * sigmoid(user factors . item factors + user bias + item bias)"
            : "user factors . item factors + user bias + item bias"));
        sheet.Text(L.HighRow, L.RangeColumn + 2, "Edit any orange cell and the predictions and the RMSE (B2) follow; Solver: minimise B2 by changing the orange cells.");
        if (book.YRange is { } range)
        {
            sheet.Text(L.LowRow, L.RangeColumn - 1, "y low", CellStyle.Header);
            sheet.Number(L.LowRow, L.RangeColumn, range.Low);
            sheet.Text(L.HighRow, L.RangeColumn - 1, "y high", CellStyle.Header);
            sheet.Number(L.HighRow, L.RangeColumn, range.High);
        }
        for (int f = 0; f < k; f++)
        {
            sheet.Text(layout.FactorRow + f, layout.UserBiasColumn, $"factor {f + 1}", CellStyle.Header);
            sheet.Text(layout.HeaderRow, layout.UserFactorColumn(f), $"factor {f + 1}", CellStyle.Header);
        }
        sheet.Text(layout.ItemBiasRow, layout.UserBiasColumn, "item bias", CellStyle.Header);
        sheet.Text(layout.HeaderRow, 1, "user \\ item", CellStyle.Header);
        sheet.Text(layout.HeaderRow, layout.UserBiasColumn, "user bias", CellStyle.Header);
        for (int i = 0; i < book.ItemCount; i++)
        {
            int column = layout.ItemColumn(i);
            var factors = book.ItemFactors(i);
            for (int f = 0; f < k; f++)
                sheet.Number(layout.FactorRow + f, column, factors[f], CellStyle.Parameter);
            sheet.Number(layout.ItemBiasRow, column, book.ItemBias(i), CellStyle.Parameter);
            IdCell.Write(sheet, layout.HeaderRow, column, book.Matrix.Items[i]);
        }
        for (int u = 0; u < book.UserCount; u++)
        {
            int row = layout.UserRow(u);
            IdCell.Write(sheet, row, 1, book.Matrix.Users[u]);
            var factors = book.UserFactors(u);
            for (int f = 0; f < k; f++)
                sheet.Number(row, layout.UserFactorColumn(f), factors[f], CellStyle.Parameter);
            sheet.Number(row, layout.UserBiasColumn, book.UserBias(u), CellStyle.Parameter);
            for (int i = 0; i < book.ItemCount; i++)
                sheet.Formula(row, layout.ItemColumn(i), PredictionFormula(layout, u, i, hasRange), book.Predict(u, i), CellStyle.Prediction);
        }
        WriteRatingsAndErrors(sheet, book, layout);
        LossCells.Write(sheet, book,
            CellRef.AbsoluteRange(layout.RatingRow(0), layout.ItemColumn(0), layout.RatingRow(book.UserCount - 1), layout.LastColumn),
            CellRef.AbsoluteRange(layout.ErrorRow(0), layout.ItemColumn(0), layout.ErrorRow(book.UserCount - 1), layout.LastColumn));
        sheet.Width(1, 1, 11);
        sheet.Width(2, layout.UserBiasColumn - 1, 7.5);
        sheet.Width(layout.UserBiasColumn, layout.UserBiasColumn, 9);
        sheet.Width(layout.ItemColumn(0), layout.LastColumn, 7.5);
        return sheet;
    }

    /// <summary>MMULT of the user's factor row (1 x k) by the item's factor column (k x 1), plus both biases.</summary>
    private static string PredictionFormula(L layout, int u, int i, bool hasRange)
    {
        int row = layout.UserRow(u), column = layout.ItemColumn(i);
        string userRow = $"{CellRef.FixedColumn(row, layout.UserFactorColumn(0))}:{CellRef.FixedColumn(row, layout.UserFactorColumn(layout.Factors - 1))}";
        string itemColumn = $"{CellRef.FixedRow(layout.FactorRow, column)}:{CellRef.FixedRow(layout.ItemBiasRow - 1, column)}";
        string raw = $"MMULT({userRow},{itemColumn})+{CellRef.FixedColumn(row, layout.UserBiasColumn)}+{CellRef.FixedRow(layout.ItemBiasRow, column)}";
        return L.Activate(raw, hasRange, onThisSheet: true);
    }

    private static void WriteRatingsAndErrors(SheetBuilder sheet, LessonWorkbook book, L layout)
    {
        sheet.Text(layout.RatingHeaderRow, 1, "ratings", CellStyle.Header);
        sheet.Text(layout.ErrorHeaderRow, 1, "squared error", CellStyle.Header);
        for (int i = 0; i < book.ItemCount; i++)
        {
            IdCell.Write(sheet, layout.RatingHeaderRow, layout.ItemColumn(i), book.Matrix.Items[i]);
            IdCell.Write(sheet, layout.ErrorHeaderRow, layout.ItemColumn(i), book.Matrix.Items[i]);
        }
        for (int u = 0; u < book.UserCount; u++)
        {
            IdCell.Write(sheet, layout.RatingRow(u), 1, book.Matrix.Users[u]);
            IdCell.Write(sheet, layout.ErrorRow(u), 1, book.Matrix.Users[u]);
            for (int i = 0; i < book.ItemCount; i++)
            {
                int column = layout.ItemColumn(i);
                string rating = CellRef.At(layout.RatingRow(u), column), prediction = CellRef.At(layout.UserRow(u), column);
                string formula = $"IF(ISNUMBER({rating}),({prediction}-{rating})^2,\"\")";
                if (book.Matrix[u, i] is { } value)
                {
                    sheet.Number(layout.RatingRow(u), column, value, CellStyle.Rating);
                    double error = book.Predict(u, i) - value;
                    sheet.Formula(layout.ErrorRow(u), column, formula, error * error, CellStyle.Error);
                }
                else
                {
                    sheet.TextFormula(layout.ErrorRow(u), column, formula, "", CellStyle.Error);
                }
            }
        }
    }
}
