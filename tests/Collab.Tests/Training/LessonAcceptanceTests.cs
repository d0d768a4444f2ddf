using Collab.Data;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Training;

/// <summary>The issue's acceptance numbers on the real MovieLens copies in ../shared/data.</summary>
public sealed class LessonAcceptanceTests
{
    [Fact]
    public void Lesson_recipe_on_the_sample_reaches_valid_mse_at_most_070_over_five_seeds()
    {
        var table = RatingsTable.FromFile(SharedData.Path("data", "movie_lens_sample", "ratings.csv"));
        var losses = Enumerable.Range(1, 5)
            .Select(seed => CollabTrainer.Train(table, new TrainingOptions { Seed = (ulong)seed }).Summary.Epochs[^1].ValidLoss)
            .ToArray();
        Assert.True(losses.Average() <= 0.70, $"mean valid MSE {losses.Average():F4} ({string.Join(", ", losses.Select(l => l.ToString("F4")))})");
    }

    [Fact]
    public void Ml_latest_small_recipe_reaches_valid_rmse_at_most_0850_over_seeds_1_to_3()
    {
        var table = RatingsTable.FromFile(SharedData.Path("data", "ml-latest-small", "ratings.csv"));
        var rmses = new[] { 1UL, 2UL, 3UL }
            .Select(seed => CollabTrainer.Train(table, new TrainingOptions { Seed = seed, Epochs = 5, WeightDecay = 0.1 }).Summary.ValidRmse)
            .ToArray();
        Assert.True(rmses.Average() <= 0.850, $"mean valid RMSE {rmses.Average():F4} ({string.Join(", ", rmses.Select(r => r.ToString("F4")))})");
    }
}
