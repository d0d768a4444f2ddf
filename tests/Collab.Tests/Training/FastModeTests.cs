using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Tests.Support;
using Collab.Training;
using Collab.Training.Optimizers;

namespace Collab.Tests.Training;

public sealed class FastModeTests
{
    [Fact]
    public void Lazy_adam_equals_exact_mode_when_every_row_is_touched_at_every_step()
    {
        // One user rating every item, one batch per epoch holding all rows: every row is touched every step,
        // so updating touched rows only must give exactly fastai's dense update.
        var rows = Enumerable.Range(0, 8).Select(i => ("u", $"i{i}", (float)(1 + i % 5))).ToList();
        var table = RatingsTable.FromTriples(rows);
        var split = new DataSplit([.. Enumerable.Range(0, 8)], []);
        var exact = Train(table, split, TrainingMode.Exact);
        var fast = Train(table, split, TrainingMode.Fast);
        // Row 0 (#na#) is never touched: exact mode decays it, fast mode leaves it; compare the trained rows.
        for (int t = 0; t < 4; t++)
        {
            int width = exact.Parameters[t].Columns;
            Close.All(exact.Parameters[t].Values.AsSpan(width), fast.Parameters[t].Values.AsSpan(width), 1e-6, exact.Parameters[t].Name);
        }
    }

    [Theory]
    [InlineData(FastOptimizer.RowRms, 1)]
    [InlineData(FastOptimizer.RowRms, 2)]
    [InlineData(FastOptimizer.LazyAdam, 2)]
    public void Fast_mode_recovers_planted_data_on_one_and_two_threads(FastOptimizer optimizer, int threads)
    {
        var table = Some.PlantedRatings(150, 120, 3, 0.3, 0.15, 21);
        var trained = CollabTrainer.Train(table, new TrainingOptions
        {
            Factors = 10, Epochs = 20, LearningRate = 1e-2, WeightDecay = 0.05, Seed = 1,
            Mode = TrainingMode.Fast, FastOptimizer = optimizer, Threads = threads,
        });
        Assert.InRange(trained.Summary.ValidRmse, 0.0, 0.35);
    }

    [Fact]
    public void Validation_on_several_threads_equals_validation_on_one()
    {
        // 160,000 validation rows: three ranges of 65,536 predicted at once with two threads.
        var table = Collab.Data.Synthetic.SyntheticRatings.Create(new() { Users = 2000, Items = 500, Ratings = 800_000, Seed = 3 }).ToTable();
        var data = CollabData.FromTable(table, 0.2, 1);
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = 8, YRange = new(0f, 5.5f) }, new SeededRandom(2));
        double one = new Learner(data, model, new LearnerOptions { Mode = TrainingMode.Fast, Threads = 1 }).Validate();
        double two = new Learner(data, model, new LearnerOptions { Mode = TrainingMode.Fast, Threads = 2 }).Validate();
        Assert.Equal(160_000, data.Valid.Count);
        Assert.Equal(one, two);
    }

    [Fact]
    public void One_thread_fast_mode_is_deterministic()
    {
        var table = Some.PlantedRatings(40, 30, 2, 0.5, 0.2, 8);
        var options = new TrainingOptions { Factors = 5, Epochs = 2, Seed = 9, Mode = TrainingMode.Fast, Threads = 1 };
        Assert.Equal(CollabTrainer.Train(table, options).Factors!.ItemFactors.Values, CollabTrainer.Train(table, options).Factors!.ItemFactors.Values);
    }

    [Fact]
    public void Two_thread_fast_mode_reports_every_batch_once_in_order_while_the_next_group_trains()
    {
        // 30,000 training rows in batches of 16: 1,875 batches an epoch, several groups of 2 x 1,024.
        var table = Collab.Data.Synthetic.SyntheticRatings.Create(new() { Users = 800, Items = 300, Ratings = 37_500, Seed = 4 }).ToTable();
        var data = CollabData.FromTable(table, 0.2, 1);
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = 8, YRange = new(0f, 5.5f) }, new SeededRandom(2));
        var learner = new Learner(data, model, new LearnerOptions { Mode = TrainingMode.Fast, Threads = 2, BatchSize = 16 });
        var events = new EventLog(stopAt: null);
        learner.AddCallback(events);
        var fit = learner.FitOneCycle(2, 5e-3);

        int batches = learner.BatchesPerEpoch;
        var expected = Enumerable.Range(0, 2).SelectMany(e => Enumerable.Range(0, batches).Select(i => (e, i))).ToList();
        Assert.Equal(expected, events.Before);
        Assert.Equal(expected, events.After);
        Assert.Equal(2 * batches, fit.BatchesTrained);
        Assert.All(learner.Recorder.Losses, loss => Assert.True(double.IsFinite(loss) && loss > 0));
        Assert.True(fit.Epochs[^1].ValidLoss < fit.Epochs[0].ValidLoss + 0.05);
    }

    [Fact]
    public void A_stop_or_a_failing_callback_ends_two_thread_fast_mode_cleanly()
    {
        var table = Collab.Data.Synthetic.SyntheticRatings.Create(new() { Users = 800, Items = 300, Ratings = 37_500, Seed = 4 }).ToTable();
        var data = CollabData.FromTable(table, 0.2, 1);
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = 8 }, new SeededRandom(2));
        var learner = new Learner(data, model, new LearnerOptions { Mode = TrainingMode.Fast, Threads = 2, BatchSize = 16 });
        var stopper = new EventLog(stopAt: 2500);
        learner.AddCallback(stopper);
        var fit = learner.FitOneCycle(3, 5e-3);
        Assert.True(fit.Stopped);
        Assert.Equal(2501, fit.BatchesTrained);
        Assert.Equal(2501, stopper.After.Count);

        var failing = new Learner(data, model, new LearnerOptions { Mode = TrainingMode.Fast, Threads = 2, BatchSize = 16 });
        failing.AddCallback(new EventLog(stopAt: null, throwAt: 3000));
        var error = Assert.Throws<CallbackException>(() => failing.FitOneCycle(3, 5e-3));
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.All(model.Parameters, p => Assert.All(p.Values, v => Assert.True(float.IsFinite(v))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void A_callback_that_reads_parameters_sees_them_after_each_batch(int threads)
    {
        var table = Some.PlantedRatings(60, 45, 2, 0.5, 0.2, 4);
        var data = CollabData.FromTable(table, 0.2, 1);
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = 4 }, new SeededRandom(2));
        var learner = new Learner(data, model, new LearnerOptions { Mode = TrainingMode.Fast, Threads = threads, BatchSize = 8 });
        var sums = new List<double>();
        learner.AddCallback(new ParameterReader(() => sums.Add(model.ItemFactors.Values.Sum(v => (double)v))));
        learner.FitOneCycle(1, 1e-2);
        Assert.Equal(learner.BatchesPerEpoch, sums.Count);
        // Every batch moves some item row, so no two consecutive reads may see the same tables.
        Assert.All(Enumerable.Range(1, sums.Count - 1), j => Assert.NotEqual(sums[j - 1], sums[j]));
    }

    private sealed class ParameterReader(Action read) : LearnerCallback
    {
        public override void AfterBatch(TrainingContext context) => read();
    }

    // Records BeforeBatch and AfterBatch as (epoch, iteration); optionally asks to stop or throws at a batch count.
    private sealed class EventLog(int? stopAt, int? throwAt = null) : LearnerCallback
    {
        public List<(int, int)> Before { get; } = [];

        public List<(int, int)> After { get; } = [];

        public override bool ReadsParametersEachBatch => false;

        public override void BeforeBatch(TrainingContext context) => Before.Add((context.Epoch, context.Iteration));

        public override void AfterBatch(TrainingContext context)
        {
            if (After.Count == throwAt)
                throw new InvalidOperationException("a callback failed");
            After.Add((context.Epoch, context.Iteration));
            if (After.Count - 1 == stopAt)
                context.RequestStop();
        }
    }

    [Fact]
    public void Fast_mode_refuses_a_model_it_cannot_train_sparsely()
    {
        var table = Some.PlantedRatings(10, 10, 2, 0.8, 0.1, 1);
        var data = CollabData.FromTable(table, 0.2, 1);
        var error = Assert.Throws<NotSupportedException>(() => new Learner(data, new OpaqueModel(), new LearnerOptions { Mode = TrainingMode.Fast }));
        Assert.Contains("exact mode", error.Message);
    }

    private static DotBiasModel Train(RatingsTable table, DataSplit split, TrainingMode mode)
    {
        var data = CollabData.FromTable(table, split);
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = 3 }, new SeededRandom(5));
        var learner = new Learner(data, model, new LearnerOptions { BatchSize = 8, Mode = mode, FastOptimizer = FastOptimizer.LazyAdam });
        learner.FitOneCycle(4, 1e-2, 0.1);
        return model;
    }

    private sealed class OpaqueModel : ICollabModel
    {
        public IReadOnlyList<ParameterTensor> Parameters { get; } = [new ParameterTensor("w", 1, 1)];

        public double ForwardBackward(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, Span<float> predictions) => 0;

        public void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions) { }
    }
}
