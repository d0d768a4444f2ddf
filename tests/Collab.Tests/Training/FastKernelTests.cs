using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Training;

public sealed class FastKernelTests
{
    public static TheoryData<int> Widths => [1, 3, 7, 8, 9, 13, 16, 17, 24, 50, 64];

    [Theory]
    [MemberData(nameof(Widths))]
    public void Vector_dot_equals_the_scalar_reference(int k)
    {
        var (a, b) = (Random(k, 1), Random(k, 2));
        Close.Equal(RowKernels.DotScalar(a, b), RowKernels.Dot(ref a[0], ref b[0], k), 1e-5, $"dot at k = {k}");
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Vector_scaled_store_and_add_equal_the_scalar_reference(int k)
    {
        var src = Random(k, 3);
        foreach (bool store in new[] { true, false })
        {
            var (dst, expected) = (Random(k, 4), Random(k, 4));
            RowKernels.AddScaled(ref dst[0], ref src[0], 0.37f, k, store);
            RowKernels.AddScaledScalar(expected, src, 0.37f, store);
            Close.All(expected, dst, 1e-6, $"{(store ? "store" : "add")} at k = {k}");
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Vector_row_rms_step_equals_the_scalar_reference_and_keeps_the_gradient(int k)
    {
        var step = RowRmsStep.Create(lr: 0.01, beta2: 0.99, eps: 1e-5, weightDecay: 0.1, t: 3);
        var (p, g) = (Random(k, 5), Random(k, 6));
        var (p2, g2) = ((float[])p.Clone(), (float[])g.Clone());
        float v = RowKernels.RmsStep(ref p[0], ref g[0], k, 0.5f, step);
        float v2 = RowRmsKernel.StepScalar(p2, (float[])g.Clone(), 0.5f, step);
        Close.Equal(v2, v, 1e-6, $"second moment at k = {k}");
        Close.All(p2, p, 1e-6, $"row at k = {k}");
        Assert.Equal(g2, g);
    }

    [Fact]
    public void A_batch_gives_each_distinct_row_one_slot_in_order_of_first_touch()
    {
        var ws = new FastWorkspace(factors: 4, batchSize: 8);
        for (int batch = 0; batch < 3; batch++)
        {
            ws.Begin();
            int[] users = [70_000 + batch, 5, 70_000 + batch, 0, 5, 123_457, 0, 9];
            var slots = users.Select(u => (Slot: ws.UserSlot(u, out bool isNew), isNew)).ToArray();
            Assert.Equal([0, 1, 0, 2, 1, 3, 2, 4], slots.Select(s => s.Slot));
            Assert.Equal([true, true, false, true, false, true, false, true], slots.Select(s => s.isNew));
            Assert.Equal([70_000 + batch, 5, 0, 123_457, 9], ws.TouchedUsers.ToArray());
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(13)]
    public void Fused_row_rms_batches_equal_a_plain_sparse_reference(int k)
    {
        // The fused engine (gather, slot scatter, vector kernels, prefetch) against the update written plainly:
        // dense gradients from the shared per-rating kernel, then RowRmsKernel.StepScalar on each touched row.
        var table = Some.PlantedRatings(30, 20, 2, 0.6, 0.2, 3);
        var data = CollabData.FromTable(table, 0.0, 1);
        var train = data.Train;
        var options = new DotBiasOptions { Factors = k };
        var fast = DotBiasModel.Create(data.Users.Count, data.Items.Count, options, new SeededRandom(5));
        var plain = DotBiasModel.Create(data.Users.Count, data.Items.Count, options, new SeededRandom(5));
        var adam = new AdamOptions();
        var engine = new FastDotBiasEngine(fast, adam, FastOptimizer.RowRms, workers: 1, batchSize: 16, biasWeightDecay: 0.02);
        var state = plain.Parameters.Select(p => new float[p.Rows]).ToArray();
        var order = new SeededRandom(8).Permutation(train.Count);
        var predictions = new float[16];
        var expectedPredictions = new float[16];
        for (int step = 1; step <= 6; step++)
        {
            var rows = order.AsSpan((step - 1) * 16, 16);
            var next = order.AsSpan(step * 16, 16);
            double lr = 0.01 * step;
            double loss = engine.TrainBatch(0, train, rows, next, lr, 0.9, 0.1, step, predictions);
            double expectedLoss = PlainStep(plain, state, train, rows, lr, adam, 0.1, 0.02, step, expectedPredictions);
            Close.Equal(expectedLoss, loss, 1e-6, $"loss at step {step}");
            Close.All(expectedPredictions, predictions, 1e-6, $"predictions at step {step}");
        }
        for (int t = 0; t < 4; t++)
        {
            Close.All(plain.Parameters[t].Values, fast.Parameters[t].Values, 1e-6, plain.Parameters[t].Name);
            Close.All(state[t], engine.SecondMoment(t), 1e-7, $"second moment of {plain.Parameters[t].Name}");
        }
    }

    [Fact]
    public void Block_order_is_a_permutation_with_each_round_visiting_blocks_whole_and_the_same_for_a_seed()
    {
        // At k = 4 a user takes (4 + 1 + 2) x 4 = 28 bytes: 100-byte blocks hold 3 of the 40 users.
        var random = new SeededRandom(2);
        int[] users = [.. Enumerable.Range(0, 5000).Select(_ => random.NextInt(40))];
        var train = new EncodedRatings(users, new int[users.Length], new float[users.Length]);
        var blocks = UserBlockOrder.For(train, 40, factors: 4, blockBytes: 100)!;
        Assert.Equal(14, blocks.Blocks);
        var (first, again) = (new int[users.Length], new int[users.Length]);
        blocks.Fill(first, new SeededRandom(9));
        blocks.Fill(again, new SeededRandom(9));
        Assert.Equal(first, again);
        Assert.Equal(Enumerable.Range(0, users.Length), first.Order());
        // Within the epoch, runs of one block: at most Rounds x blocks of them.
        int runs = 1 + Enumerable.Range(1, first.Length - 1).Count(j => users[first[j]] / 3 != users[first[j - 1]] / 3);
        Assert.InRange(runs, blocks.Blocks, UserBlockOrder.Rounds * blocks.Blocks);
        Assert.Null(UserBlockOrder.For(train, 40, factors: 4, blockBytes: 40 * 28));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Fast_mode_with_block_order_recovers_planted_data(int threads)
    {
        // 3,000 users at k = 64 take 3,000 x 268 bytes: two blocks of the epoch order.
        var table = Some.PlantedRatings(3000, 40, 3, 0.3, 0.15, 21);
        var trained = CollabTrainer.Train(table, new TrainingOptions
        {
            Factors = 64, Epochs = 12, LearningRate = 1e-2, WeightDecay = 0.05, Seed = 1,
            Mode = TrainingMode.Fast, Threads = threads,
        });
        Assert.InRange(trained.Summary.ValidRmse, 0.0, 0.35);
    }

    private static double PlainStep(DotBiasModel model, float[][] state, EncodedRatings train, ReadOnlySpan<int> rows, double lr,
        AdamOptions adam, double wd, double biasWd, int step, float[] predictions)
    {
        int k = model.Factors;
        var grads = model.Parameters.Select(p => new float[p.Values.Length]).ToArray();
        var touched = new[] { new SortedSet<int>(), new SortedSet<int>() };
        double loss = 0;
        for (int b = 0; b < rows.Length; b++)
        {
            int u = train.Users[rows[b]];
            int i = train.Items[rows[b]];
            touched[0].Add(u);
            touched[1].Add(i);
            float error = DotBiasKernels.Accumulate(model, u, i, train.Ratings[rows[b]], 2f / rows.Length,
                grads[0].AsSpan(u * k, k), grads[1].AsSpan(i * k, k), ref grads[2][u], ref grads[3][i], out predictions[b]);
            loss += (double)error * error;
        }
        var rms = RowRmsStep.Create(lr, adam.Beta2, adam.Epsilon, wd, step);
        var biasRms = RowRmsStep.Create(lr, adam.Beta2, adam.Epsilon, biasWd, step);
        for (int table = 0; table < 2; table++)
        {
            foreach (int row in touched[table])
            {
                state[table][row] = RowRmsKernel.StepScalar(model.Parameters[table].Values.AsSpan(row * k, k), grads[table].AsSpan(row * k, k), state[table][row], rms);
                state[table + 2][row] = RowRmsKernel.StepScalar(model.Parameters[table + 2].Values.AsSpan(row, 1), grads[table + 2].AsSpan(row, 1), state[table + 2][row], biasRms);
            }
        }
        return loss / rows.Length;
    }

    private static float[] Random(int n, ulong seed)
    {
        var random = new SeededRandom(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)random.NextGaussian())];
    }
}
