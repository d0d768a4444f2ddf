using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Training;
using Collab.Training.LrFinding;

namespace Collab.Tests.Training.LrFinding;

public sealed class LrFinderTests
{
    private static readonly CollabData Planted = PlantedData();

    [Fact]
    public void The_suggestion_on_planted_data_is_a_rate_training_converges_from()
    {
        var result = LrFinder.Run(Planted, NewModel(), new LearnerOptions { WeightDecay = 0.01 });

        Assert.True(result.Diverged, "a sweep up to lr 10 should blow the loss up before its end");
        double lr = result.Suggestion.LearningRate;
        Assert.InRange(lr, 1e-5, result.LearningRates[^1]);

        // Both rules must land where a one-cycle fit converges (on this data: about 3e-3 to 0.1; 0.3 fails).
        double baseline = Variance(Planted.Valid.Ratings);
        foreach (var suggestion in new[] { result.SteepestSlope!, result.MinimumOverTen })
        {
            double valid = TrainAt(suggestion.LearningRate);
            Assert.True(valid < 0.2 * baseline,
                $"training at lr {suggestion.LearningRate:G3} ({suggestion.Rule}) ends at valid MSE {valid:F3}; predicting the mean gives {baseline:F3}");
        }
    }

    [Fact]
    public void The_finder_leaves_the_model_it_was_given_unchanged()
    {
        var model = NewModel();
        var before = model.Parameters.Select(p => p.Values.ToArray()).ToList();
        LrFinder.Run(Planted, model, new LearnerOptions(), new LrFinderOptions { Iterations = 30 });
        for (int t = 0; t < before.Count; t++)
            Assert.Equal(before[t], model.Parameters[t].Values);
    }

    [Fact]
    public void The_lr_grows_exponentially_and_the_sweep_stops_at_the_requested_length()
    {
        var options = new LrFinderOptions { StartLr = 1e-6, EndLr = 1e-3, Iterations = 50 };
        var result = LrFinder.Run(Planted, NewModel(), new LearnerOptions(), options);
        Assert.Equal(50, result.LearningRates.Count);
        Assert.Equal(1e-6, result.LearningRates[0], 1e-12);
        Assert.Equal(1e-3, result.LearningRates[^1], 1e-9);
        double ratio = result.LearningRates[1] / result.LearningRates[0];
        Assert.All(result.LearningRates.Zip(result.LearningRates.Skip(1)), p => Assert.Equal(ratio, p.Second / p.First, 1e-9));
        Assert.False(result.Diverged);
    }

    [Fact]
    public void Both_rules_read_the_curve_as_fastai_does()
    {
        // A loss that falls fastest at lr 1e-2 (index 50) and is lowest at lr 1 (index 70).
        var lrs = Enumerable.Range(0, 81).Select(i => Math.Pow(10, -7 + i / 10.0)).ToList();
        var losses = lrs.Select(lr => 2 - Math.Tanh(Math.Log10(lr) + 2) + (lr > 1 ? 10 * Math.Log10(lr) : 0)).ToList();
        var result = LrFinder.Suggest(lrs, losses, diverged: true);
        Assert.Equal("minimum / 10", result.Suggestion.Rule);
        Assert.Equal(1e-2, result.SteepestSlope!.LearningRate, 1e-9);
        Assert.Equal(0.1, result.MinimumOverTen.LearningRate, 1e-9);

        var rising = LrFinder.Suggest(lrs, [.. lrs.Select((_, i) => (double)i)], diverged: true);
        Assert.Null(rising.SteepestSlope);
    }

    private static double TrainAt(double lr)
    {
        var learner = new Learner(Planted, NewModel(), new LearnerOptions { WeightDecay = 0.01 });
        return learner.FitOneCycle(5, lr).Epochs[^1].ValidLoss;
    }

    private static DotBiasModel NewModel() =>
        DotBiasModel.Create(Planted.Users.Count, Planted.Items.Count, new DotBiasOptions { Factors = 8 }, new SeededRandom(1));

    // Ratings from hidden biases and 3 hidden factors plus a little noise: a model of rank >= 3 can learn them.
    private static CollabData PlantedData()
    {
        var random = new SeededRandom(9);
        const int users = 150, items = 120, rank = 3;
        var u = Enumerable.Range(0, users * rank).Select(_ => random.NextGaussian() * 0.7).ToArray();
        var v = Enumerable.Range(0, items * rank).Select(_ => random.NextGaussian() * 0.7).ToArray();
        var userBias = Enumerable.Range(0, users).Select(_ => random.NextGaussian() * 0.5).ToArray();
        var itemBias = Enumerable.Range(0, items).Select(_ => random.NextGaussian() * 0.7).ToArray();
        var rows = new List<(string, string, float)>();
        for (int a = 0; a < users; a++)
        {
            for (int b = 0; b < items; b++)
            {
                if (random.NextDouble() > 0.4)
                    continue;
                double dot = Enumerable.Range(0, rank).Sum(c => u[a * rank + c] * v[b * rank + c]);
                rows.Add(($"{a}", $"{b}", (float)Math.Clamp(3 + userBias[a] + itemBias[b] + dot + 0.1 * random.NextGaussian(), 0.5, 5)));
            }
        }
        return CollabData.FromTable(RatingsTable.FromTriples(rows), validPct: 0.2, seed: 4);
    }

    private static double Variance(ReadOnlySpan<float> values)
    {
        double mean = 0;
        foreach (var x in values)
            mean += x;
        mean /= values.Length;
        double sum = 0;
        foreach (var x in values)
            sum += (x - mean) * (x - mean);
        return sum / values.Length;
    }
}
