using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Training;

public sealed class RowSamplingTests
{
    private static readonly CollabData Data = CollabData.FromTable(Some.PlantedRatings(60, 50, 2, 0.5, 0.1, 3), 0.2, 1);

    private static int[] Order(RowSampling sampling, ulong seed)
    {
        var model = DotBiasModel.Create(Data.Users.Count, Data.Items.Count, new DotBiasOptions { Factors = 3 }, new SeededRandom(1));
        var stepper = BatchStepper.Create(Data.Train, model, new LearnerOptions());
        return [.. stepper.BeginEpoch(new SeededRandom(seed), sampling)!];
    }

    [Fact]
    public void A_permutation_draws_every_training_row_once()
    {
        var order = Order(RowSampling.Permutation, 5);
        Assert.Equal(Enumerable.Range(0, Data.Train.Count), order.Order());
    }

    [Fact]
    public void Sampling_with_replacement_draws_as_many_rows_uniformly_some_twice_about_a_third_never()
    {
        var order = Order(RowSampling.WithReplacement, 5);
        int n = Data.Train.Count;
        Assert.Equal(n, order.Length);
        Assert.All(order, r => Assert.InRange(r, 0, n - 1));
        // Rows never drawn: expected n(1-1/n)^n ≈ n/e; the standard deviation is about sqrt(n·0.23).
        double missing = n - order.Distinct().Count();
        Assert.InRange(missing / n, 1 / Math.E - 0.05, 1 / Math.E + 0.05);
        Assert.Equal(order, Order(RowSampling.WithReplacement, 5));
        Assert.NotEqual(order, Order(RowSampling.WithReplacement, 6));
    }

    [Fact]
    public void Sampling_with_replacement_is_refused_in_fast_mode()
    {
        var error = Assert.Throws<ArgumentException>(() => new TrainingOptions { Mode = TrainingMode.Fast, Sampling = RowSampling.WithReplacement }.Validate());
        Assert.Contains("exact mode", error.Message);
    }
}
