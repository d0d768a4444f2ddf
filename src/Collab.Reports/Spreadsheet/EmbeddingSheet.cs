using L = Collab.Reports.Spreadsheet.DotProdLayout;

namespace Collab.Reports.Spreadsheet;

/// <summary>
/// The lesson's movielens_emb sheet: the same rows as onehot, but each activation is looked up with INDEX in
/// dotprod's factor tables by the row's user_idx and item_idx: an embedding is an array look-up, and it gives
/// the same numbers as the one-hot product.
/// </summary>
internal static class EmbeddingSheet
{
    public const string Sheet = "embedding";
    private const int GroupRow = 5;
    private const int HeaderRow = 6;

    public static SheetBuilder Build(LessonWorkbook book, L dot)
    {
        var sheet = new SheetBuilder(Sheet);
        int k = book.Factors;
        sheet.Title("embedding: each activation is a look-up, INDEX(factor table, idx, factor), into dotprod's orange cells: the same numbers as onehot's MMULT.");
        sheet.Text(L.RmseRow, L.RangeColumn, "Header numbers above the activations are the factor numbers the look-ups use.");
        var columns = new ActivationColumns(RatedPair.RatingColumn + 1, k);
        int userEmb = columns.UserFactors, itemEmb = columns.ItemFactors;
        sheet.Text(GroupRow, userEmb, "user embedding", CellStyle.Header);
        sheet.Text(GroupRow, itemEmb, "item embedding", CellStyle.Header);
        RatedPair.WriteKeyHeaders(sheet, HeaderRow);
        for (int f = 0; f < k; f++)
        {
            sheet.Number(HeaderRow, userEmb + f, f + 1, CellStyle.Header);
            sheet.Number(HeaderRow, itemEmb + f, f + 1, CellStyle.Header);
        }
        columns.WriteHeaders(sheet, HeaderRow);

        string userFactors = L.From(dot.UserFactorBlock), userBiases = L.From(dot.UserBiasBlock);
        string itemFactors = L.From(dot.ItemFactorBlock), itemBiases = L.From(dot.ItemBiasBlock);
        var pairs = RatedPair.All(book);
        for (int p = 0; p < pairs.Count; p++)
        {
            var pair = pairs[p];
            int row = HeaderRow + 1 + p;
            pair.WriteKeys(sheet, row, book);
            string userIdx = CellRef.FixedColumn(row, RatedPair.UserIndexColumn), itemIdx = CellRef.FixedColumn(row, RatedPair.ItemIndexColumn);
            var uf = book.UserFactors(pair.User);
            var itf = book.ItemFactors(pair.Item);
            for (int f = 0; f < k; f++)
            {
                sheet.Formula(row, userEmb + f, $"INDEX({userFactors},{userIdx},{CellRef.FixedRow(HeaderRow, userEmb + f)})", uf[f], CellStyle.Prediction);
                sheet.Formula(row, itemEmb + f, $"INDEX({itemFactors},{CellRef.FixedRow(HeaderRow, itemEmb + f)},{itemIdx})", itf[f], CellStyle.Prediction);
            }
            sheet.Formula(row, columns.UserBias, $"INDEX({userBiases},{userIdx},1)", book.UserBias(pair.User), CellStyle.Prediction);
            sheet.Formula(row, columns.ItemBias, $"INDEX({itemBiases},1,{itemIdx})", book.ItemBias(pair.Item), CellStyle.Prediction);
            columns.WritePrediction(sheet, row, book, pair);
        }
        columns.WriteLoss(sheet, book, HeaderRow + 1, HeaderRow + pairs.Count);
        sheet.Width(1, RatedPair.RatingColumn, 9);
        sheet.Width(columns.UserFactors, columns.Error, 7.5);
        sheet.Width(columns.Prediction, columns.Prediction, 10);
        return sheet;
    }
}
