using Collab.Cli.Commands;
using Collab.Data;
using Collab.Training;

namespace Collab.Cli.Tests.Commands;

public sealed class TrainChecksTests
{
    private static readonly RatingsTable Table = RatingsTable.FromTriples(
        Enumerable.Range(0, 2000).Select(i => ($"u{i % 300}", $"i{i % 700}", (float)(1 + i % 5))));

    private static TrainRequest Request(TrainingOptions training, int ensemble = 1) =>
        new(training, RatingsFileOptions.Default, null, null, null, null, false, ensemble);

    [Fact]
    public void Settings_whose_weights_do_not_fit_in_memory_are_refused_naming_both_sizes()
    {
        var request = Request(Recipes.Lesson with { Factors = 900 });
        var e = Assert.Throws<UserErrorException>(() => TrainChecks.Prepare(Table, null, request, "r.csv", TextWriter.Null, availableBytes: 16 << 20));
        Assert.Contains("--factors 900 with --ensemble 1 needs about", e.Message);
        Assert.Contains("this machine has 16 MB", e.Message);
        Assert.Same(request, TrainChecks.Prepare(Table, null, request, "r.csv", TextWriter.Null, availableBytes: 1L << 40));
    }

    [Fact]
    public void A_recipes_seeds_give_way_to_memory_in_one_line_but_an_explicit_ensemble_is_refused()
    {
        var recipe = Request(Recipes.Ensemble with { Factors = 100 }, ensemble: 10) with { EnsembleFromRecipe = true };
        long users = Table.UserIds.Count + 1L, items = Table.ItemIds.Count + 1L;
        // Room for three seeds, not four.
        long room = TrainingMemory.Estimate(users, items, 100, 3, recipe.Training.Threads);
        Assert.True(TrainingMemory.Estimate(users, items, 100, 4, recipe.Training.Threads) > room);
        var notes = new StringWriter();
        var fitted = TrainChecks.Prepare(Table, null, recipe, "r.csv", notes, availableBytes: room);
        Assert.Equal(3, fitted.Ensemble);
        Assert.Contains("the recipe's 10 seeds would need about", notes.ToString());
        Assert.Contains("so 3 seed(s) are trained and merged instead", notes.ToString());
        Assert.Single(notes.ToString().Trim().Split('\n'));
        var explicitTen = recipe with { EnsembleFromRecipe = false };
        Assert.Throws<UserErrorException>(() => TrainChecks.Prepare(Table, null, explicitTen, "r.csv", TextWriter.Null, availableBytes: room));
    }

    [Fact]
    public void The_memory_estimate_grows_with_factors_and_seeds()
    {
        long one = TrainingMemory.Estimate(1000, 1000, 50, 1, 0);
        Assert.Equal(4L * 5 * 2000 * 51, one);
        Assert.True(TrainingMemory.Estimate(1000, 1000, 50, 10, 1) > 10 * 4L * 2000 * 51);
        Assert.Equal("7.5 GB", TrainingMemory.Format(7L * 1024 * 1024 * 1024 + 512L * 1024 * 1024));
    }

    [Fact]
    public void A_merge_too_wide_to_finish_is_refused()
    {
        var request = Request(Recipes.Ensemble with { Factors = 1000 }, ensemble: 100);
        var e = Assert.Throws<UserErrorException>(() => TrainChecks.Prepare(Table, null, request, "r.csv", TextWriter.Null));
        Assert.Contains("gives the merge 100,000 columns", e.Message);
    }

    [Fact]
    public void The_bias_baseline_matches_the_cores_on_the_same_split()
    {
        var split = DataSplit.Random(Table.Count, 0.2, 42);
        var data = CollabData.FromTable(Table, split, VocabularyScope.AllRows);
        var baseline = Collab.Evaluation.BiasBaseline.Fit(data.Train, data.Users.Count, data.Items.Count);
        var predictions = new float[data.Valid.Count];
        baseline.Predict(data.Valid.Users, data.Valid.Items, predictions);
        double expected = Math.Sqrt(predictions.Select((p, r) => Math.Pow(p - data.Valid.Ratings[r], 2)).Sum() / predictions.Length);
        Assert.Equal(expected, BaselineCheck.BaselineRmse(Table, split), 4);
    }
}
