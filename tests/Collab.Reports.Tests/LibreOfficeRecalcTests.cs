using Collab.Models;
using Collab.Reports.Tests.Support;
using W = Collab.Reports.Tests.Support.WrittenWorkbook;

namespace Collab.Reports.Tests;

/// <summary>
/// The workbook recalculated by LibreOffice headless: its formulas, not Collab's cached numbers, must give
/// Collab's predictions, and the dotprod, onehot and embedding sheets must agree. Needs Debian's
/// libreoffice-calc (.ci/apt-packages lists it; `bash .ci/run` installs it); without it these tests fail and say how to install it.
/// </summary>
public sealed class LibreOfficeRecalcTests
{
    public static TheoryData<int, int, int, bool> Shapes => new()
    {
        { 15, 15, 5, true },
        { 6, 4, 3, false },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void LibreOffice_computes_Collabs_predictions_and_RMSE_on_all_three_sheets(int users, int items, int factors, bool withRange)
    {
        using var written = new W(users, items, factors, withRange ? OutputRange.Lesson : null);
        var path = written.Copy("uncached.xlsx");
        using (var file = XlsxFile.Open(path, editable: true))
            file.DropCachedValues();

        var sheets = LibreOffice.Recalculate(path, W.Sheets, written.Folder);

        var book = written.Book;
        var dot = new Spreadsheet.DotProdLayout(book.UserCount, book.ItemCount, book.Factors);
        var grid = sheets[W.DotProd];
        for (int u = 0; u < book.UserCount; u++)
        {
            for (int i = 0; i < book.ItemCount; i++)
            {
                double recalculated = grid.Number(dot.UserRow(u), dot.ItemColumn(i));
                Assert.True(Math.Abs(recalculated - written.ModelPrediction(u, i)) <= 1e-4,
                    $"dotprod ({u}, {i}): LibreOffice {recalculated:R}, Collab {written.ModelPrediction(u, i):R}");
                var rating = sheets[W.Matrix].Text(u + 2, i + 2);
                Assert.Equal(book.Matrix[u, i]?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", rating);
            }
        }
        double rmse = grid.Number(2, 2);
        Assert.Equal(book.Rmse(), rmse, 1e-9);
        Assert.Equal(ModelRmse(written), rmse, 1e-4);
        foreach (var sheet in new[] { W.OneHot, W.Embedding })
        {
            var table = LongTable.Read(sheets[sheet]);
            Assert.Equal(book.Matrix.RatedCount, table.Rows.Count);
            foreach (var row in table.Rows)
            {
                int u = IndexOf(book.Matrix.Users, row.User), i = IndexOf(book.Matrix.Items, row.Item);
                Assert.Equal(book.Matrix[u, i], (float)row.Rating);
                Assert.True(Math.Abs(row.Prediction - grid.Number(dot.UserRow(u), dot.ItemColumn(i))) <= 1e-9,
                    $"{sheet} row {row.User},{row.Item}: {row.Prediction:R} differs from dotprod");
            }
            Assert.Equal(rmse, sheets[sheet].Number(2, 2), 1e-9);
        }
    }

    [Fact]
    public void Editing_a_factor_on_dotprod_changes_the_predictions_and_the_RMSE_on_every_sheet()
    {
        using var written = new W(15, 15, 5, OutputRange.Lesson);
        var book = written.Book;
        var dot = new Spreadsheet.DotProdLayout(15, 15, 5);
        const int user = 3, factor = 1;
        const double edited = 2.5;
        var path = written.Copy("edited.xlsx");
        using (var file = XlsxFile.Open(path, editable: true))
            file.SetNumber(W.DotProd, A1.At(dot.UserRow(user), dot.UserFactorColumn(factor)), edited);

        var sheets = LibreOffice.Recalculate(path, W.Sheets, written.Folder);

        var grid = sheets[W.DotProd];
        var range = OutputRange.Lesson;
        double squaredErrors = 0;
        for (int u = 0; u < 15; u++)
        {
            for (int i = 0; i < 15; i++)
            {
                double expected = u == user ? EditedPrediction(book, range, u, i, factor, edited) : book.Predict(u, i);
                Assert.Equal(expected, grid.Number(dot.UserRow(u), dot.ItemColumn(i)), 1e-9);
                if (book.Matrix[u, i] is { } rating)
                    squaredErrors += (expected - rating) * (expected - rating);
            }
        }
        double rmse = Math.Sqrt(squaredErrors / book.Matrix.RatedCount);
        Assert.True(Math.Abs(rmse - book.Rmse()) > 1e-3, "the edit should move the RMSE");
        Assert.Equal(rmse, grid.Number(2, 2), 1e-9);
        Assert.Equal(rmse, sheets[W.OneHot].Number(2, 2), 1e-9);
        Assert.Equal(rmse, sheets[W.Embedding].Number(2, 2), 1e-9);
    }

    private static double EditedPrediction(LessonWorkbook book, OutputRange range, int u, int i, int factor, double value)
    {
        double raw = (double)book.UserBias(u) + book.ItemBias(i);
        for (int f = 0; f < book.Factors; f++)
            raw += (f == factor ? value : book.UserFactors(u)[f]) * (double)book.ItemFactors(i)[f];
        return range.Low + (double)range.Width / (1 + Math.Exp(-raw));
    }

    private static double ModelRmse(W written)
    {
        var matrix = written.Book.Matrix;
        var errors = new List<double>();
        for (int u = 0; u < matrix.Users.Count; u++)
        {
            for (int i = 0; i < matrix.Items.Count; i++)
            {
                if (matrix[u, i] is { } rating)
                    errors.Add(Math.Pow(written.ModelPrediction(u, i) - rating, 2));
            }
        }
        return Math.Sqrt(errors.Average());
    }

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (int k = 0; k < ids.Count; k++)
        {
            if (ids[k] == id)
                return k;
        }
        throw new KeyNotFoundException(id);
    }
}
