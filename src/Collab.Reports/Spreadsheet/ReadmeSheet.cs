using System.Globalization;
using L = Collab.Reports.Spreadsheet.DotProdLayout;

namespace Collab.Reports.Spreadsheet;

/// <summary>What each sheet shows, where the parameters are, and how to run Solver on them.</summary>
internal static class ReadmeSheet
{
    public const string Sheet = "readme";

    public static SheetBuilder Build(LessonWorkbook book, L dot)
    {
        var sheet = new SheetBuilder(Sheet);
        string rmse = book.Rmse().ToString("F4", CultureInfo.InvariantCulture);
        List<string> lines =
        [
            "Collab: the fastai lesson 4 collaborative-filtering spreadsheet, built from your own data.",
            $"Factors: {book.Provenance}.",
            $"{book.UserCount} most active users x {book.ItemCount} most rated items, {book.Matrix.RatedCount} rated cells, {book.Factors} factors; RMSE over the rated cells when written: {rmse}.",
            "",
            $"{MatrixSheet.Sheet}: the ratings, users down and items across; blank where the user did not rate the item.",
            $"{L.Sheet}: item factors on top, user factors on the left (orange: the parameters); each prediction is MMULT(user row, item column) + user bias + item bias"
                + (book.YRange is null ? "." : ", squeezed into (low, high) by the sigmoid:"),
            "   Below the predictions: the ratings, then the squared error of each rated cell. B2 is the RMSE over the rated cells only, B3 the sum of their squared errors (SSE), B4 their count.",
            $"{OneHotSheet.Sheet}: one row per rating; the user and the item as one-hot rows, each multiplied by its weight matrix with MMULT (array formulas), then the same dot product and biases.",
            $"{EmbeddingSheet.Sheet}: the same rows, the activations looked up with INDEX(table, idx, factor): an embedding is an array look-up that equals the one-hot product.",
            "All three compute the same predictions and the same RMSE (B2) from dotprod's orange cells: edit one there and every sheet follows.",
            "",
            "Solver (Excel: Data > Solver; LibreOffice: Tools > Solver):",
            $"   objective {L.From(CellRef.Absolute(L.RmseRow, L.LossColumn))}, minimise,",
            $"   by changing {L.From(dot.ItemParameters)} (item factors and biases) and {L.From(dot.UserParameters)} (user factors and biases);",
            "   allow negative values (Excel: untick 'Make Unconstrained Variables Non-Negative'; use GRG Nonlinear).",
            "",
            "Formulas are written as formulas with Collab's numbers cached beside them. Excel recalculates everything when opening the file; LibreOffice shows the cached",
            "   numbers and recalculates as soon as you edit a cell (or on opening, with Tools > Options > Calc > Formula > Recalculation on file load: Always).",
        ];
        if (book.YRange is not null)
            lines.Insert(6, "   low + (high - low) / (1 + EXP(-x)), with low and high in D2 and D3.");
        sheet.Title(lines[0]);
        for (int i = 1; i < lines.Count; i++)
        {
            if (lines[i].Length > 0)
                sheet.Text(i + 1, 1, lines[i]);
        }
        sheet.Width(1, 1, 160);
        return sheet;
    }
}
