using L = Collab.Reports.Spreadsheet.DotProdLayout;

namespace Collab.Reports.Spreadsheet;

/// <summary>
/// The lesson's movielens_1hot sheet: the weight matrices (formulas pointing at dotprod's parameters, the item
/// one transposed), then one row per rating with the user and the item one-hot encoded, each multiplied by its
/// weight matrix with MMULT (an array formula), the dot product of the two activations plus the biases, and
/// the squared error. The RMSE in B2 equals dotprod's.
/// </summary>
internal static class OneHotSheet
{
    public const string Sheet = "onehot";
    private const int WeightHeaderRow = 6;

    public static SheetBuilder Build(LessonWorkbook book, L dot)
    {
        var sheet = new SheetBuilder(Sheet);
        int k = book.Factors, users = book.UserCount, items = book.ItemCount;
        sheet.Title("onehot: each rating's user and item as one-hot rows, multiplied by the weight matrices (MMULT): an embedding is this product.");
        sheet.Text(L.RmseRow, L.RangeColumn, "The weights are copies of dotprod's orange cells (item factors transposed); edit them there.");

        // The long table's columns: keys, one-hot user, one-hot item, activations, prediction, squared error.
        int oneHotUser = RatedPair.RatingColumn + 1, oneHotItem = oneHotUser + users;
        var columns = new ActivationColumns(oneHotItem + items, k);
        int userAct = columns.UserFactors, itemAct = columns.ItemFactors;

        // The weight matrices sit above the activations they produce; the long table starts below them.
        int itemBlock = userAct + k + 4;
        var weights = WriteWeights(sheet, book, dot, userAct, itemBlock);
        int groupRow = WeightHeaderRow + 2 + Math.Max(users, items), headerRow = groupRow + 1;
        sheet.Text(groupRow, oneHotUser, "user one-hot", CellStyle.Header);
        sheet.Text(groupRow, oneHotItem, "item one-hot", CellStyle.Header);
        sheet.Text(groupRow, userAct, "user activations = MMULT(one-hot, user weights)", CellStyle.Header);
        sheet.Text(groupRow, itemAct, "item activations = MMULT(one-hot, item weights)", CellStyle.Header);
        RatedPair.WriteKeyHeaders(sheet, headerRow);
        for (int u = 0; u < users; u++)
            sheet.Number(headerRow, oneHotUser + u, u + 1, CellStyle.Header);
        for (int i = 0; i < items; i++)
            sheet.Number(headerRow, oneHotItem + i, i + 1, CellStyle.Header);
        for (int f = 0; f < k; f++)
        {
            sheet.Text(headerRow, userAct + f, $"u{f + 1}", CellStyle.Header);
            sheet.Text(headerRow, itemAct + f, $"i{f + 1}", CellStyle.Header);
        }
        columns.WriteHeaders(sheet, headerRow);

        var pairs = RatedPair.All(book);
        for (int p = 0; p < pairs.Count; p++)
        {
            var pair = pairs[p];
            int row = headerRow + 1 + p;
            pair.WriteKeys(sheet, row, book);
            for (int u = 0; u < users; u++)
                OneHot(sheet, row, oneHotUser + u, headerRow, RatedPair.UserIndexColumn, u == pair.User);
            for (int i = 0; i < items; i++)
                OneHot(sheet, row, oneHotItem + i, headerRow, RatedPair.ItemIndexColumn, i == pair.Item);
            string userHot = CellRef.Range(row, oneHotUser, row, oneHotItem - 1), itemHot = CellRef.Range(row, oneHotItem, row, userAct - 1);
            sheet.RowArrayFormula(row, userAct, $"MMULT({userHot},{weights.User})", ToDoubles(book.UserFactors(pair.User)), CellStyle.Prediction);
            sheet.Formula(row, columns.UserBias, $"MMULT({userHot},{weights.UserBias})", book.UserBias(pair.User), CellStyle.Prediction);
            sheet.RowArrayFormula(row, itemAct, $"MMULT({itemHot},{weights.Item})", ToDoubles(book.ItemFactors(pair.Item)), CellStyle.Prediction);
            sheet.Formula(row, columns.ItemBias, $"MMULT({itemHot},{weights.ItemBias})", book.ItemBias(pair.Item), CellStyle.Prediction);
            columns.WritePrediction(sheet, row, book, pair);
        }
        columns.WriteLoss(sheet, book, headerRow + 1, headerRow + pairs.Count);
        sheet.Width(1, RatedPair.RatingColumn, 9);
        sheet.Width(oneHotUser, userAct - 1, 3);
        sheet.Width(userAct, itemBlock + k + 2, 7.5);
        sheet.Width(columns.Prediction, columns.Prediction, 10);
        return sheet;
    }

    /// <summary>The weight matrices (formulas pointing at dotprod), above the activations; returns their ranges.</summary>
    private static Weights WriteWeights(SheetBuilder sheet, LessonWorkbook book, L dot, int userBlock, int itemBlock)
    {
        int k = book.Factors, users = book.UserCount, items = book.ItemCount;
        sheet.Text(WeightHeaderRow - 1, userBlock, "user weights", CellStyle.Header);
        sheet.Text(WeightHeaderRow - 1, itemBlock, "item weights", CellStyle.Header);
        WeightHeaders(sheet, userBlock, k, "user");
        WeightHeaders(sheet, itemBlock, k, "item");
        for (int u = 0; u < users; u++)
        {
            int row = WeightHeaderRow + 1 + u;
            sheet.Number(row, userBlock, u + 1, CellStyle.Input);
            IdCell.Write(sheet, row, userBlock + 1, book.Matrix.Users[u]);
            var factors = book.UserFactors(u);
            for (int f = 0; f < k; f++)
                sheet.Formula(row, userBlock + 2 + f, L.From(CellRef.At(dot.UserRow(u), dot.UserFactorColumn(f))), factors[f], CellStyle.Parameter);
            sheet.Formula(row, userBlock + 2 + k, L.From(CellRef.At(dot.UserRow(u), dot.UserBiasColumn)), book.UserBias(u), CellStyle.Parameter);
        }
        for (int i = 0; i < items; i++)
        {
            int row = WeightHeaderRow + 1 + i;
            sheet.Number(row, itemBlock, i + 1, CellStyle.Input);
            IdCell.Write(sheet, row, itemBlock + 1, book.Matrix.Items[i]);
            var factors = book.ItemFactors(i);
            for (int f = 0; f < k; f++)
                sheet.Formula(row, itemBlock + 2 + f, L.From(CellRef.At(dot.FactorRow + f, dot.ItemColumn(i))), factors[f], CellStyle.Parameter);
            sheet.Formula(row, itemBlock + 2 + k, L.From(CellRef.At(dot.ItemBiasRow, dot.ItemColumn(i))), book.ItemBias(i), CellStyle.Parameter);
        }
        int firstWeight = WeightHeaderRow + 1;
        return new Weights(
            CellRef.AbsoluteRange(firstWeight, userBlock + 2, firstWeight + users - 1, userBlock + 1 + k),
            CellRef.AbsoluteRange(firstWeight, userBlock + 2 + k, firstWeight + users - 1, userBlock + 2 + k),
            CellRef.AbsoluteRange(firstWeight, itemBlock + 2, firstWeight + items - 1, itemBlock + 1 + k),
            CellRef.AbsoluteRange(firstWeight, itemBlock + 2 + k, firstWeight + items - 1, itemBlock + 2 + k));
    }

    private static void WeightHeaders(SheetBuilder sheet, int column, int factors, string what)
    {
        sheet.Text(WeightHeaderRow, column, "idx", CellStyle.Header);
        sheet.Text(WeightHeaderRow, column + 1, what, CellStyle.Header);
        for (int f = 0; f < factors; f++)
            sheet.Text(WeightHeaderRow, column + 2 + f, $"factor {f + 1}", CellStyle.Header);
        sheet.Text(WeightHeaderRow, column + 2 + factors, "bias", CellStyle.Header);
    }

    /// <summary>1 when the row's index equals the column's header number, else 0.</summary>
    private static void OneHot(SheetBuilder sheet, int row, int column, int headerRow, int indexColumn, bool hot) =>
        sheet.Formula(row, column, $"IF({CellRef.FixedColumn(row, indexColumn)}={CellRef.FixedRow(headerRow, column)},1,0)", hot ? 1 : 0, CellStyle.Input);

    private static double[] ToDoubles(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = values[i];
        return result;
    }

    /// <summary>Absolute ranges of the weight matrices: users x factors, user biases, items x factors, item biases.</summary>
    private readonly record struct Weights(string User, string UserBias, string Item, string ItemBias);
}
