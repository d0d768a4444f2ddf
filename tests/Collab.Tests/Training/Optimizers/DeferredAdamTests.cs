using Collab.Models;
using Collab.Numerics;
using Collab.Tests.Support;
using Collab.Training;
using Collab.Training.Optimizers;

namespace Collab.Tests.Training.Optimizers;

/// <summary>
/// Deferred Adam (exact mode) against the dense <see cref="AdamOptimizer"/> it stands in for: same parameters and
/// moments, within float rounding, whatever the rows' touch pattern and schedule.
/// </summary>
public sealed class DeferredAdamTests
{
    [Fact]
    public void Deferred_adam_agrees_with_dense_adam_over_a_one_cycle_with_rows_touched_at_irregular_intervals()
    {
        var random = new SeededRandom(5);
        var dense = new KeyedModel(random);
        var deferred = dense.Copy();
        var denseAdam = new AdamOptimizer(dense.Parameters, new AdamOptions());
        var deferredAdam = new DeferredAdamOptimizer(deferred, new AdamOptions());
        const int steps = 1500;
        var schedule = new OneCycleSchedule(2e-2, steps);
        for (int t = 0; t < steps; t++)
        {
            // User 0 every step, others at random gaps; item 0 about every 150 steps (long waits, whose momentum tail
            // is cut), item 8 never; a repeated row in most batches.
            int[] users = [0, .. Enumerable.Range(1, KeyedModel.Users - 1).Where(_ => random.NextDouble() < 0.15), 0];
            int[] items = [.. Enumerable.Range(0, KeyedModel.Items - 1).Where(i => random.NextDouble() < (i == 0 ? 0.007 : 0.04 * i))];
            deferredAdam.CatchUp(users, items);
            foreach (int u in users)
                Close.All(dense.UserFactors.Row(u), deferred.UserFactors.Row(u), 1e-5, $"user {u} before step {t + 1}");
            foreach (int i in items)
                Close.All(dense.ItemFactors.Row(i), deferred.ItemFactors.Row(i), 1e-5, $"item {i} before step {t + 1}");
            dense.AddGradients(deferred, users, items, random);
            var (lr, beta1) = schedule.At(t);
            denseAdam.Step(lr, beta1, weightDecay: 0.1);
            deferredAdam.Step(lr, beta1, weightDecay: 0.1, users, items);
            if (t % 397 == 200)
                Compare(dense, denseAdam, deferred, deferredAdam, $"after step {t + 1}");
        }
        Assert.Equal(steps, deferredAdam.StepCount);
        Compare(dense, denseAdam, deferred, deferredAdam, "at the end");
    }

    [Fact]
    public void A_row_touched_at_every_step_gets_the_dense_update()
    {
        var random = new SeededRandom(9);
        var dense = new KeyedModel(random);
        var deferred = dense.Copy();
        var denseAdam = new AdamOptimizer(dense.Parameters, new AdamOptions());
        var deferredAdam = new DeferredAdamOptimizer(deferred, new AdamOptions());
        int[] users = [.. Enumerable.Range(0, KeyedModel.Users)];
        int[] items = [.. Enumerable.Range(0, KeyedModel.Items)];
        for (int t = 1; t <= 30; t++)
        {
            deferredAdam.CatchUp(users, items);
            dense.AddGradients(deferred, users, items, random);
            denseAdam.Step(1e-2 * t, 0.95 - 0.003 * t, weightDecay: 0.01);
            deferredAdam.Step(1e-2 * t, 0.95 - 0.003 * t, weightDecay: 0.01, users, items);
        }
        for (int p = 0; p < dense.Parameters.Count; p++)
        {
            Assert.Equal(dense.Parameters[p].Values, deferred.Parameters[p].Values);
            Assert.Equal(denseAdam.FirstMoment(p).ToArray(), deferredAdam.FirstMoment(p).ToArray());
            Assert.Equal(denseAdam.SecondMoment(p).ToArray(), deferredAdam.SecondMoment(p).ToArray());
        }
    }

    [Theory]
    [InlineData(8, 1, false)]
    [InlineData(13, 7, false)]
    [InlineData(50, 300, false)]
    [InlineData(50, 120, true)]
    [InlineData(64, 40, false)]
    [InlineData(72, 33, true)]
    [InlineData(5, 20, true)]
    public void The_vector_catch_up_agrees_with_the_scalar_reference(int columns, int stepCount, bool withTail)
    {
        var random = new SeededRandom((ulong)(columns * 1000 + stepCount));
        var (p, m, v) = Row(random, columns);
        var steps = Enumerable.Range(1, stepCount).Select(t => CatchUpStep.From(AdamStep.Create(
            lr: 1e-3 + 4e-3 * random.NextDouble(), beta1: 0.85 + 0.1 * random.NextDouble(), beta2: 0.99, eps: 1e-5,
            weightDecay: 0.1, t: 20 + t, decay: true))).ToArray();
        var tail = withTail ? new NegligibleTail(0.97f, 1e-4f, 0.6f) : NegligibleTail.None;
        var powers = new Beta2Powers(0.99);
        powers.Ensure(stepCount);
        var (p2, m2, v2) = ((float[])p.Clone(), (float[])m.Clone(), (float[])v.Clone());

        AdamCatchUpKernel.CatchUp(p, m, v, steps, powers.SqrtPowers(stepCount), 0.99f, powers.Power(stepCount), 1e-5f, tail);
        AdamCatchUpKernel.CatchUpScalar(p2, m2, v2, steps, 0.99f, 1e-5f, tail);

        Relative(p2, p, 1e-5, "p");
        Relative(m2, m, 1e-5, "m");
        Relative(v2, v, 1e-5, "v");
    }

    [Theory]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(50)]
    [InlineData(5)]
    public void The_vector_momentum_bound_agrees_with_the_scalar_reference(int columns)
    {
        var (p, m, v) = Row(new SeededRandom((ulong)columns), columns);
        var vector = AdamCatchUpKernel.BoundScales(p, m, v, 1e-4f);
        var scalar = AdamCatchUpKernel.BoundScalesScalar(p, m, v, 1e-4f);
        Assert.Equal(scalar.MaxValue, vector.MaxValue);
        Assert.Equal(scalar.MomentumScale, vector.MomentumScale, 1e-6 * scalar.MomentumScale);
    }

    private static (float[] P, float[] M, float[] V) Row(SeededRandom random, int columns)
    {
        float[] Make(float scale) => [.. Enumerable.Range(0, columns).Select(_ => (float)random.NextGaussian() * scale)];
        var (p, m) = (Make(0.3f), Make(0.02f));
        var v = Make(0.01f).Select(x => x * x).ToArray();
        v[0] = 0; // a row whose second moment underflowed: the step is decay only
        m[0] = 0;
        return (p, m, v);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_fit_stopped_mid_epoch_ends_with_every_row_up_to_date(bool cancel)
    {
        (DotBiasModel Model, Learner Learner) Fit(bool readsEachBatch)
        {
            var data = Collab.Data.CollabData.FromTable(Some.PlantedRatings(60, 50, 2, 0.4, 0.2, 4), 0.2, 1);
            var model = DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = 12 }, new SeededRandom(3));
            var learner = new Learner(data, model, new LearnerOptions { BatchSize = 16 });
            using var cancellation = new CancellationTokenSource();
            learner.AddCallback(new StopAfter(learner.BatchesPerEpoch + 7, readsEachBatch, cancel ? cancellation : null));
            var fit = learner.FitOneCycle(3, 1e-2, 0.1, cancellation.Token);
            Assert.True(fit.Stopped);
            return (model, learner);
        }
        var (deferred, deferredLearner) = Fit(readsEachBatch: false);
        var (synchronized, synchronizedLearner) = Fit(readsEachBatch: true);
        for (int p = 0; p < deferred.Parameters.Count; p++)
        {
            Close.All(synchronized.Parameters[p].Values, deferred.Parameters[p].Values, 1e-6, $"{deferred.Parameters[p].Name}");
            Close.All(synchronizedLearner.Optimizer.FirstMoment(p), deferredLearner.Optimizer.FirstMoment(p), 1e-7, $"m of {deferred.Parameters[p].Name}");
        }
    }

    private static void Compare(KeyedModel dense, AdamOptimizer denseAdam, KeyedModel deferred, DeferredAdamOptimizer deferredAdam, string when)
    {
        for (int p = 0; p < dense.Parameters.Count; p++)
        {
            // Moments first: reading them flushes, which brings the parameters up to date too.
            Relative(denseAdam.FirstMoment(p), deferredAdam.FirstMoment(p), 1e-5, $"m of {dense.Parameters[p].Name} {when}");
            Relative(denseAdam.SecondMoment(p), deferredAdam.SecondMoment(p), 1e-5, $"v of {dense.Parameters[p].Name} {when}");
            Relative(dense.Parameters[p].Values, deferred.Parameters[p].Values, 1e-5, $"{dense.Parameters[p].Name} {when}");
        }
    }

    /// <summary>
    /// Relative per element, with a floor of 10% of the largest magnitude: an element that passed near zero keeps the
    /// absolute rounding error of the larger values it was computed from.
    /// </summary>
    private static void Relative(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double floor = 0;
        foreach (float e in expected)
            floor = Math.Max(floor, 0.1 * Math.Abs(e));
        for (int i = 0; i < expected.Length; i++)
        {
            double diff = Math.Abs((double)expected[i] - actual[i]);
            Assert.True(diff <= tolerance * (Math.Abs(expected[i]) + floor),
                $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R} (|Δ| {diff:E2} > {tolerance:E0} x ({Math.Abs(expected[i]):E2} + {floor:E2}))");
        }
    }

    private sealed class StopAfter(int batches, bool readsEachBatch, CancellationTokenSource? cancellation) : LearnerCallback
    {
        public override bool ReadsParametersEachBatch => readsEachBatch;

        public override void AfterBatch(TrainingContext context)
        {
            if (context.GlobalBatch + 1 != batches)
                return;
            if (cancellation is null)
                context.RequestStop();
            else
                cancellation.Cancel();
        }
    }

    /// <summary>
    /// A model with a ragged-width user table (13 columns: one full vector and an overlapping tail), an item table of
    /// two whole vectors, a one-column bias table (stays dense) and an unkeyed layer; the forward pass is not needed.
    /// </summary>
    private sealed class KeyedModel : ICollabModel
    {
        public const int Users = 11;
        public const int Items = 9;

        public KeyedModel(SeededRandom random)
        {
            foreach (var tensor in Parameters)
                FoldedNormal.Fill(tensor.Values, random, std: 0.3f);
        }

        private KeyedModel()
        {
        }

        public ParameterTensor UserFactors { get; } = new("u", Users, 13);

        public ParameterTensor ItemFactors { get; } = new("i", Items, 16);

        public ParameterTensor UserBias { get; } = new("ub", Users, 1);

        public ParameterTensor Layer { get; } = new("layer", 3, 4, decayWeights: false);

        public IReadOnlyList<ParameterTensor> Parameters => [UserFactors, ItemFactors, UserBias, Layer];

        public RowKey RowKeyOf(int parameter) => parameter switch { 0 or 2 => RowKey.User, 1 => RowKey.Item, _ => RowKey.None };

        public KeyedModel Copy()
        {
            var copy = new KeyedModel();
            for (int p = 0; p < Parameters.Count; p++)
                Parameters[p].Values.CopyTo(copy.Parameters[p].Values, 0);
            return copy;
        }

        /// <summary>The same random gradient into both models, on the batch's rows and all of the layer.</summary>
        public void AddGradients(KeyedModel other, int[] users, int[] items, SeededRandom random)
        {
            void Add(ParameterTensor a, ParameterTensor b, int row)
            {
                for (int c = 0; c < a.Columns; c++)
                {
                    float g = (float)random.NextGaussian();
                    a.Gradients[row * a.Columns + c] += g;
                    b.Gradients[row * a.Columns + c] += g;
                }
            }
            foreach (int u in users)
            {
                Add(UserFactors, other.UserFactors, u);
                Add(UserBias, other.UserBias, u);
            }
            foreach (int i in items)
                Add(ItemFactors, other.ItemFactors, i);
            for (int r = 0; r < Layer.Rows; r++)
                Add(Layer, other.Layer, r);
        }

        public double ForwardBackward(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, Span<float> predictions) =>
            throw new NotSupportedException();

        public void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions) =>
            throw new NotSupportedException();
    }
}
