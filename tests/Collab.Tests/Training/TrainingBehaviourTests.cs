using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Training;

public sealed class TrainingBehaviourTests
{
    [Fact]
    public void Training_recovers_a_planted_low_rank_model()
    {
        var table = Some.PlantedRatings(150, 120, 3, 0.3, 0.15, 21);
        var trained = CollabTrainer.Train(table, new TrainingOptions { Factors = 10, Epochs = 20, LearningRate = 1e-2, WeightDecay = 0.05, Seed = 1 });
        // Noise alone gives RMSE 0.15; predicting every rating's mean gives about 1.2.
        Assert.InRange(trained.Summary.ValidRmse, 0.0, 0.35);
        double meanOnly = StdDev(table.Ratings.ToArray());
        Assert.True(trained.Summary.ValidRmse < meanOnly / 3, $"RMSE {trained.Summary.ValidRmse} vs spread {meanOnly}");
    }

    [Fact]
    public void The_same_seed_gives_identical_losses_and_weights()
    {
        var table = Some.PlantedRatings(40, 30, 2, 0.5, 0.2, 8);
        var options = new TrainingOptions { Factors = 5, Epochs = 2, Seed = 77 };
        var first = CollabTrainer.Train(table, options);
        var second = CollabTrainer.Train(table, options);
        Assert.Equal(first.Summary.Epochs.Select(e => (e.TrainLoss, e.ValidLoss)), second.Summary.Epochs.Select(e => (e.TrainLoss, e.ValidLoss)));
        Assert.Equal(first.Factors!.UserFactors.Values, second.Factors!.UserFactors.Values);
        var third = CollabTrainer.Train(table, options with { Seed = 78 });
        Assert.NotEqual(first.Summary.Epochs[^1].ValidLoss, third.Summary.Epochs[^1].ValidLoss);
    }

    [Fact]
    public void Drops_the_last_partial_batch_and_records_one_entry_per_batch()
    {
        var table = Some.PlantedRatings(20, 20, 2, 0.5, 0.2, 2);
        var data = CollabData.FromTable(table, 0.2, 1);
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = 4 }, new SeededRandom(1));
        var learner = new Learner(data, model, new LearnerOptions { BatchSize = 16 });
        var fit = learner.FitOneCycle(2, 5e-3);
        Assert.Equal(data.Train.Count / 16, learner.BatchesPerEpoch);
        Assert.Equal(2 * (data.Train.Count / 16), learner.Recorder.Losses.Count);
        Assert.Equal(2, fit.Epochs.Count);
    }

    [Fact]
    public void A_stop_request_ends_the_fit_after_the_current_batch()
    {
        var table = Some.PlantedRatings(30, 30, 2, 0.5, 0.2, 3);
        var data = CollabData.FromTable(table, 0.2, 1);
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = 4 }, new SeededRandom(1));
        var learner = new Learner(data, model, new LearnerOptions { BatchSize = 8 });
        learner.AddCallback(new StopAfter(5));
        var fit = learner.FitOneCycle(3, 5e-3);
        Assert.True(fit.Stopped);
        Assert.Equal(5, fit.BatchesTrained);
        Assert.Empty(fit.Epochs);
    }

    [Fact]
    public void A_failing_callback_is_named_with_its_event()
    {
        var table = Some.PlantedRatings(20, 20, 2, 0.5, 0.2, 3);
        var data = CollabData.FromTable(table, 0.2, 1);
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = 4 }, new SeededRandom(1));
        var learner = new Learner(data, model, new LearnerOptions { BatchSize = 8 });
        learner.AddCallback(new Failing());
        var error = Assert.Throws<CallbackException>(() => learner.FitOneCycle(1, 5e-3));
        Assert.Equal(nameof(Failing), error.Callback);
        Assert.Equal("AfterEpoch", error.Event);
    }

    private static double StdDev(float[] values)
    {
        double mean = values.Average(v => (double)v);
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }

    private sealed class StopAfter(int batches) : LearnerCallback
    {
        public override void AfterBatch(TrainingContext context)
        {
            if (context.GlobalBatch + 1 == batches)
                context.RequestStop();
        }
    }

    private sealed class Failing : LearnerCallback
    {
        public override void AfterEpoch(TrainingContext context, EpochResult result) => throw new InvalidOperationException("boom");
    }
}
