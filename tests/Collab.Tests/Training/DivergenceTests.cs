using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Training;

/// <summary>Issue 17: a fit whose loss or weights stop being finite stops at once with advice, in every mode and in ensembles.</summary>
public sealed class DivergenceTests
{
    private static readonly RatingsTable Table = Some.PlantedRatings(60, 45, 2, 0.5, 0.2, 4);

    [Theory]
    [InlineData(TrainingMode.Exact, 100.0)]
    [InlineData(TrainingMode.Fast, 100.0)]
    [InlineData(TrainingMode.Exact, 1e9)]
    public void A_learning_rate_that_blows_up_stops_training_with_advice(TrainingMode mode, double lr)
    {
        var seen = new LossesSeen();
        var options = Recipes.Lesson with { LearningRate = lr, Mode = mode, Threads = 1, Epochs = 20 };
        var e = Assert.Throws<TrainingDivergedException>(() => CollabTrainer.Train(Table, options, callbacks: [seen]));
        Assert.Contains("collab lr-find", e.Message);
        Assert.Contains("Lower the learning rate", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(lr, e.LearningRate);
        Assert.All(seen.Losses, loss => Assert.True(double.IsFinite(loss))); // no callback ever sees the NaN
        Assert.True(e.Epoch < 20);
    }

    [Fact]
    public void An_ensemble_whose_seeds_diverge_fails_the_same_way_instead_of_in_the_merge()
    {
        var options = Recipes.Ensemble with { LearningRate = 100 };
        Assert.Throws<TrainingDivergedException>(() => SeedEnsemble.Train(Table, options, 3));
    }

    [Fact]
    public void The_lessons_learning_rate_trains_without_a_stop()
    {
        var model = CollabTrainer.Train(Table, Recipes.Lesson with { Threads = 1 });
        Assert.True(double.IsFinite(model.Summary.ValidRmse));
    }

    [Fact]
    public void A_weight_that_turns_nan_where_no_batch_reads_it_is_found_at_the_epochs_end()
    {
        var data = CollabData.FromTable(Table, DataSplit.Random(Table.Count, 0.2, 1));
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = 4 }, new SeededRandom(1));
        var learner = new Learner(data, model, new LearnerOptions { Threads = 1 });
        learner.AddCallback(new DivergenceGuard(1e-3));
        learner.AddCallback(new PoisonUnusedRow());
        var e = Assert.Throws<TrainingDivergedException>(() => learner.FitOneCycle(2, 1e-3));
        Assert.Null(e.Batch);
        Assert.Equal(0, e.Epoch);
        Assert.Contains("the end of epoch 0", e.Message);
    }

    private sealed class LossesSeen : LearnerCallback
    {
        public List<double> Losses { get; } = [];

        public override bool ReadsParametersEachBatch => false;

        public override void AfterBatch(TrainingContext context) => Losses.Add(context.BatchLoss);
    }

    // The #na# item row (0) is never trained on: a NaN there leaves every batch loss finite.
    private sealed class PoisonUnusedRow : LearnerCallback
    {
        public override void AfterBatch(TrainingContext context)
        {
            var model = (DotBiasModel)context.Learner.Model;
            model.ItemFactors.Values[0] = float.NaN;
        }
    }
}
