using L = Collab.Reports.Spreadsheet.DotProdLayout;

namespace Collab.Reports.Spreadsheet;

/// <summary>
/// The right-hand columns of the onehot and embedding long tables, from <paramref name="first"/> on: the
/// user's activations and bias, the item's activations and bias, the prediction, the squared error.
/// </summary>
internal sealed class ActivationColumns(int first, int factors)
{
    public int UserFactors { get; } = first;
    public int UserBias => UserFactors + factors;
    public int ItemFactors => UserBias + 1;
    public int ItemBias => ItemFactors + factors;
    public int Prediction => ItemBias + 1;
    public int Error => Prediction + 1;

    public void WriteHeaders(SheetBuilder sheet, int row)
    {
        sheet.Text(row, UserBias, "u bias", CellStyle.Header);
        sheet.Text(row, ItemBias, "i bias", CellStyle.Header);
        sheet.Text(row, Prediction, "prediction", CellStyle.Header);
        sheet.Text(row, Error, "sq err", CellStyle.Header);
    }

    /// <summary>The prediction (SUMPRODUCT of the activations plus both biases, through the range) and its squared error.</summary>
    public void WritePrediction(SheetBuilder sheet, int row, LessonWorkbook book, RatedPair pair)
    {
        string raw = $"SUMPRODUCT({CellRef.Range(row, UserFactors, row, UserBias - 1)},{CellRef.Range(row, ItemFactors, row, ItemBias - 1)})"
            + $"+{CellRef.At(row, UserBias)}+{CellRef.At(row, ItemBias)}";
        double predicted = book.Predict(pair.User, pair.Item);
        sheet.Formula(row, Prediction, L.Activate(raw, book.YRange is not null, onThisSheet: false), predicted, CellStyle.Prediction);
        sheet.Formula(row, Error, $"({CellRef.At(row, Prediction)}-{CellRef.At(row, RatedPair.RatingColumn)})^2",
            (predicted - pair.Rating) * (predicted - pair.Rating), CellStyle.Error);
    }

    /// <summary>Row 2's loss cells over the table's rating and squared-error columns.</summary>
    public void WriteLoss(SheetBuilder sheet, LessonWorkbook book, int firstRow, int lastRow) =>
        LossCells.Write(sheet, book,
            CellRef.AbsoluteRange(firstRow, RatedPair.RatingColumn, lastRow, RatedPair.RatingColumn),
            CellRef.AbsoluteRange(firstRow, Error, lastRow, Error));
}
