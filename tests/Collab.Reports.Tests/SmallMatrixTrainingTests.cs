using Collab.Reports.Tests.Support;

namespace Collab.Reports.Tests;

public sealed class SmallMatrixTrainingTests
{
    [Fact]
    public void The_short_run_fits_the_rated_cells_far_better_than_the_starting_weights()
    {
        var matrix = Some.Matrix(15, 15);
        var trained = LessonWorkbook.FromModel(matrix, SmallMatrixTraining.Train(matrix, SpreadsheetDefaults.Training), "run");
        var start = LessonWorkbook.FromModel(matrix, SmallMatrixTraining.Train(matrix, SpreadsheetDefaults.Training with { Epochs = 1, LearningRate = 1e-9 }), "start");
        Assert.True(trained.Rmse() < 0.5, $"RMSE after the short run: {trained.Rmse():F3}");
        Assert.True(trained.Rmse() < start.Rmse() / 2, $"RMSE {trained.Rmse():F3} against {start.Rmse():F3} at the start");
    }

    [Fact]
    public void The_same_seed_gives_the_same_factors()
    {
        var matrix = Some.Matrix(8, 6);
        var first = LessonWorkbook.FromModel(matrix, SmallMatrixTraining.Train(matrix, SpreadsheetDefaults.Training), "a");
        var second = LessonWorkbook.FromModel(matrix, SmallMatrixTraining.Train(matrix, SpreadsheetDefaults.Training), "b");
        for (int u = 0; u < 8; u++)
            Assert.Equal(first.UserFactors(u).ToArray(), second.UserFactors(u).ToArray());
    }

    [Fact]
    public void A_matrix_with_fewer_rated_cells_than_a_batch_still_trains()
    {
        var matrix = Some.Matrix(3, 3);
        Assert.True(matrix.RatedCount < SpreadsheetDefaults.BatchSize);
        var book = LessonWorkbook.FromModel(matrix, SmallMatrixTraining.Train(matrix, SpreadsheetDefaults.Training), "tiny");
        Assert.True(double.IsFinite(book.Rmse()));
    }
}
