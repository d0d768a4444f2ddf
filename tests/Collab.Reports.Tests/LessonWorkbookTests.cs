using Collab.Data;
using Collab.Interpretation;
using Collab.Models;
using Collab.Reports.Tests.Support;

namespace Collab.Reports.Tests;

public sealed class LessonWorkbookTests
{
    [Fact]
    public void The_workbooks_prediction_is_the_models_to_float_precision()
    {
        var (book, model) = Some.Workbook(10, 8, 4, OutputRange.Lesson);
        for (int u = 0; u < book.UserCount; u++)
        {
            for (int i = 0; i < book.ItemCount; i++)
            {
                float expected = model.Factors!.Predict(model.Users.Encode(book.Matrix.Users[u]), model.Items.Encode(book.Matrix.Items[i]));
                Assert.Equal(expected, book.Predict(u, i), 1e-5);
            }
        }
    }

    [Fact]
    public void A_matrix_with_ids_the_model_never_saw_is_refused_with_the_id()
    {
        var (_, model) = Some.Workbook(5, 5, 2, OutputRange.Lesson);
        var other = RatingMatrix.MostActive(RatingsTable.FromTriples([("100", "m00", 4f), ("999", "m00", 3f)]), 2, 1);
        var error = Assert.Throws<ArgumentException>(() => LessonWorkbook.FromModel(other, model, "x"));
        Assert.Contains("user '999'", error.Message);
    }

    [Fact]
    public void A_matrix_larger_than_a_workbook_holds_is_refused()
    {
        int users = LessonWorkbook.MaxUsers + 1;
        var cells = Enumerable.Range(0, users).SelectMany(u => new[] { ($"u{u}", "a", 4f), ($"u{u}", "b", 2f) });
        var matrix = RatingMatrix.MostActive(RatingsTable.FromTriples(cells), users, 2);
        var model = SmallMatrixTraining.Train(matrix, SpreadsheetDefaults.Training with { Epochs = 1 });
        var error = Assert.Throws<ArgumentException>(() => LessonWorkbook.FromModel(matrix, model, "x"));
        Assert.Contains($"at most {LessonWorkbook.MaxUsers} users", error.Message);
    }

    [Fact]
    public void A_model_with_weights_that_are_not_finite_is_refused()
    {
        var matrix = Some.Matrix(5, 5);
        var model = SmallMatrixTraining.Train(matrix, SpreadsheetDefaults.Training with { Epochs = 1 });
        model.Factors!.ItemBias.Values[model.Items.Encode(matrix.Items[2])] = float.NaN;
        var error = Assert.Throws<ArgumentException>(() => LessonWorkbook.FromModel(matrix, model, "x"));
        Assert.Contains("not finite", error.Message);
    }
}
