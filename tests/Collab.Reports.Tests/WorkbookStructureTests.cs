using Collab.Models;
using Collab.Reports.Tests.Support;
using DocumentFormat.OpenXml.Spreadsheet;
using W = Collab.Reports.Tests.Support.WrittenWorkbook;

namespace Collab.Reports.Tests;

/// <summary>
/// The written file opened with the OpenXml library. For the lesson's 15 x 15 x 5 shape, dotprod has item
/// factors in H5:V9, item biases in H10, ids in row 11, users in rows 12-26 (factors B-F, bias G), ratings in
/// rows 29-43 and squared errors in rows 46-60 (see docs/spreadsheet.md).
/// </summary>
public sealed class WorkbookStructureTests
{
    [Fact]
    public void The_workbook_has_the_lessons_five_sheets_in_order_and_asks_for_recalculation_on_load()
    {
        using var written = new W(15, 15, 5, OutputRange.Lesson);
        using var file = XlsxFile.Open(written.Path);
        Assert.Equal(W.Sheets, file.SheetNames);
        Assert.True(file.FullCalculationOnLoad);
    }

    [Fact]
    public void The_matrix_sheet_is_the_crosstab_with_blanks_where_unrated()
    {
        using var written = new W(15, 15, 5, OutputRange.Lesson);
        using var file = XlsxFile.Open(written.Path);
        var matrix = written.Book.Matrix;
        Assert.Equal(matrix.Users[0], file.Number(W.Matrix, "A2").ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(matrix.Items[0], file.Text(W.Matrix, "B1"));
        for (int u = 0; u < 15; u++)
        {
            for (int i = 0; i < 15; i++)
            {
                var address = A1.At(u + 2, i + 2);
                if (matrix[u, i] is { } rating)
                    Assert.Equal(rating, file.Number(W.Matrix, address));
                else
                    Assert.False(file.Cells(W.Matrix).ContainsKey(address), $"{address} should be blank");
            }
        }
    }

    [Fact]
    public void Dotprod_holds_the_models_rows_as_numbers_and_each_prediction_as_an_MMULT_formula()
    {
        using var written = new W(15, 15, 5, OutputRange.Lesson);
        using var file = XlsxFile.Open(written.Path);
        var book = written.Book;
        Assert.Equal(book.UserFactors(0)[0], file.Number(W.DotProd, "B12"));
        Assert.Equal(book.UserBias(14), file.Number(W.DotProd, "G26"));
        Assert.Equal(book.ItemFactors(0)[4], file.Number(W.DotProd, "H9"));
        Assert.Equal(book.ItemBias(14), file.Number(W.DotProd, "V10"));
        Assert.Null(file.Formula(W.DotProd, "B12"));
        Assert.Equal("$D$2+($D$3-$D$2)/(1+EXP(-(MMULT($B12:$F12,H$5:H$9)+$G12+H$10)))", file.Formula(W.DotProd, "H12"));
        Assert.Equal("$D$2+($D$3-$D$2)/(1+EXP(-(MMULT($B26:$F26,V$5:V$9)+$G26+V$10)))", file.Formula(W.DotProd, "V26"));
        for (int u = 0; u < 15; u++)
        {
            for (int i = 0; i < 15; i++)
            {
                double cached = file.Number(W.DotProd, A1.At(12 + u, 8 + i));
                Assert.True(Math.Abs(cached - written.ModelPrediction(u, i)) < 1e-5, $"cached prediction ({u}, {i})");
            }
        }
    }

    [Fact]
    public void The_loss_cells_are_formulas_over_the_rated_cells_only()
    {
        using var written = new W(15, 15, 5, OutputRange.Lesson);
        using var file = XlsxFile.Open(written.Path);
        var matrix = written.Book.Matrix;
        Assert.Equal("SQRT($B$3/$B$4)", file.Formula(W.DotProd, "B2"));
        Assert.Equal("SUM($H$46:$V$60)", file.Formula(W.DotProd, "B3"));
        Assert.Equal("COUNT($H$29:$V$43)", file.Formula(W.DotProd, "B4"));
        Assert.Equal(matrix.RatedCount, file.Number(W.DotProd, "B4"));
        Assert.Equal(written.Book.Rmse(), file.Number(W.DotProd, "B2"), 12);
        Assert.Equal("IF(ISNUMBER(H29),(H12-H29)^2,\"\")", file.Formula(W.DotProd, "H46"));
        for (int u = 0; u < 15; u++)
        {
            for (int i = 0; i < 15; i++)
            {
                var error = file.Cell(W.DotProd, A1.At(46 + u, 8 + i));
                Assert.NotNull(error.CellFormula);
                if (matrix[u, i] is null)
                    Assert.Equal(("", CellValues.String), (error.CellValue!.Text, error.DataType!.Value));
            }
        }
    }

    [Fact]
    public void Onehot_multiplies_one_hot_rows_by_the_weight_matrices_with_array_formulas()
    {
        using var written = new W(15, 15, 5, OutputRange.Lesson);
        using var file = XlsxFile.Open(written.Path);
        var book = written.Book;
        int item = Enumerable.Range(0, 15).First(i => book.Matrix[0, i] is not null);
        Assert.Equal("dotprod!B12", file.Formula(W.OneHot, "AL7"));
        Assert.Equal("dotprod!G12", file.Formula(W.OneHot, "AQ7"));
        Assert.Equal("dotprod!H5", file.Formula(W.OneHot, "AU7"));
        Assert.Equal("dotprod!H10", file.Formula(W.OneHot, "AZ7"));
        Assert.Equal(("user", "item", "prediction"), (file.Text(W.OneHot, "A24"), file.Text(W.OneHot, "B24"), file.Text(W.OneHot, "AV24")));
        var userActivations = file.Cell(W.OneHot, "AJ25").CellFormula!;
        Assert.Equal(CellFormulaValues.Array, userActivations.FormulaType!.Value);
        Assert.Equal("AJ25:AN25", userActivations.Reference!.Value);
        Assert.Equal("MMULT(F25:T25,$AL$7:$AP$21)", userActivations.Text);
        Assert.Equal("MMULT(U25:AI25,$AU$7:$AY$21)", file.Formula(W.OneHot, "AP25"));
        Assert.Equal("IF($C25=F$24,1,0)", file.Formula(W.OneHot, "F25"));
        Assert.Equal("SQRT($B$3/$B$4)", file.Formula(W.OneHot, "B2"));
        Assert.Equal(1, file.Number(W.OneHot, "F25"));
        Assert.Equal(1, file.Number(W.OneHot, A1.At(25, 21 + item)));
        Assert.Equal(2, Enumerable.Range(6, 30).Sum(c => file.Number(W.OneHot, A1.At(25, c))));
        int lastRow = 24 + book.Matrix.RatedCount;
        Assert.NotNull(file.Formula(W.OneHot, A1.At(lastRow, 48)));
        Assert.False(file.Cells(W.OneHot).ContainsKey(A1.At(lastRow + 1, 48)));
    }

    [Fact]
    public void Embedding_looks_the_activations_up_with_INDEX_in_dotprods_tables()
    {
        using var written = new W(15, 15, 5, OutputRange.Lesson);
        using var file = XlsxFile.Open(written.Path);
        Assert.Equal("INDEX(dotprod!$B$12:$F$26,$C7,F$6)", file.Formula(W.Embedding, "F7"));
        Assert.Equal("INDEX(dotprod!$G$12:$G$26,$C7,1)", file.Formula(W.Embedding, "K7"));
        Assert.Equal("INDEX(dotprod!$H$5:$V$9,L$6,$D7)", file.Formula(W.Embedding, "L7"));
        Assert.Equal("INDEX(dotprod!$H$10:$V$10,1,$D7)", file.Formula(W.Embedding, "Q7"));
        Assert.Equal("dotprod!$D$2+(dotprod!$D$3-dotprod!$D$2)/(1+EXP(-(SUMPRODUCT(F7:J7,L7:P7)+K7+Q7)))", file.Formula(W.Embedding, "R7"));
        Assert.Equal("(R7-E7)^2", file.Formula(W.Embedding, "S7"));
    }

    [Fact]
    public void The_readme_names_the_solver_objective_and_the_parameter_ranges()
    {
        using var written = new W(15, 15, 5, OutputRange.Lesson);
        using var file = XlsxFile.Open(written.Path);
        var text = string.Join('\n', file.Cells(W.Readme).Values.Select(c => c.InlineString?.Text?.Text));
        Assert.Contains("objective dotprod!$B$2", text);
        Assert.Contains("by changing dotprod!$H$5:$V$10 (item factors and biases) and dotprod!$B$12:$G$26 (user factors and biases)", text);
        Assert.Contains("a short run on planted data", text);
    }

    [Fact]
    public void Without_an_output_range_a_prediction_is_the_raw_score()
    {
        using var written = new W(4, 3, 2, yRange: null);
        using var file = XlsxFile.Open(written.Path);
        Assert.Equal("MMULT($B9:$C9,E$5:E$6)+$D9+E$7", file.Formula(W.DotProd, "E9"));
        Assert.False(file.Cells(W.DotProd).ContainsKey("D2"));
        Assert.DoesNotContain("EXP", file.Formula(W.Embedding, A1.At(7, 12)));
    }
}
