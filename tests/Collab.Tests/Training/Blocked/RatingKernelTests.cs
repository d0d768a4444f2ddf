using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Collab.Models;
using Collab.Numerics;
using Collab.Tests.Support;
using Collab.Training.Blocked;

namespace Collab.Tests.Training.Blocked;

public sealed class RatingKernelTests
{
    public static TheoryData<int, bool> Shapes => new()
    {
        { 1, true }, { 3, false }, { 8, true }, { 13, true }, { 50, true }, { 50, false }, { 64, true }, { 100, true },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Vector_kernel_equals_the_scalar_reference(int k, bool range)
    {
        var (vector, scalar) = (Records(k, 2, seed: 1), Records(k, 2, seed: 1));
        var step = Step(k, range, t: 7);
        for (int n = 0; n < 5; n++)
        {
            float rating = 0.5f + n;
            float e1 = RatingKernel.Train(ref vector.Row(0), ref vector.Row(1), vector.PaddedFactors, rating, step, out float p1);
            float e2 = RatingKernel.TrainScalar(ref scalar.Row(0), ref scalar.Row(1), scalar.PaddedFactors, rating, step, out float p2);
            Close.Equal(p2, p1, 1e-5, $"prediction {n} at k = {k}");
            Close.Equal(e2, e1, 1e-4, $"squared error {n} at k = {k}");
        }
        Close.All(Span(scalar, 0), Span(vector, 0), 1e-5, $"user record at k = {k}");
        Close.All(Span(scalar, 1), Span(vector, 1), 1e-5, $"item record at k = {k}");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Four_ratings_at_once_equal_four_one_after_the_other(int k, bool range)
    {
        // Rows 0-3 are users, 4-7 items: four ratings that share no row.
        var (four, one) = (Records(k, 8, seed: 2), Records(k, 8, seed: 2));
        var step = Step(k, range, t: 3);
        float[] ratings = [4.5f, 1f, 3f, 5f];
        float error = RatingKernel.TrainFour(ref four.Row(0), ref four.Row(4), ref four.Row(1), ref four.Row(5), ref four.Row(2), ref four.Row(6),
            ref four.Row(3), ref four.Row(7), four.PaddedFactors, Vector128.Create(ratings), step, out var predictions);
        float expected = 0;
        for (int r = 0; r < 4; r++)
        {
            expected += RatingKernel.Train(ref one.Row(r), ref one.Row(4 + r), one.PaddedFactors, ratings[r], step, out float prediction);
            Close.Equal(prediction, predictions.GetElement(r), 1e-6, $"prediction {r} at k = {k}");
        }
        Close.Equal(expected, error, 1e-4, $"squared errors at k = {k}");
        for (int row = 0; row < 8; row++)
            Close.All(Span(one, row), Span(four, row), 1e-6, $"record {row} at k = {k}");
    }

    [Fact]
    public void A_rating_step_is_exact_modes_gradient_followed_by_row_wise_rmsprop()
    {
        // The gradient from the per-rating kernel exact mode uses (checked against fastai), then row-wise RMSprop
        // with decoupled decay written out in double: v ← β2·v + (1 − β2)·mean(g²), p ← p·(1 − lr·wd) − lr·g / (sqrt(v / (1 − β2ᵗ)) + ε).
        const int k = 13, batchSize = 16, t = 5;
        const double lr = 0.02, beta2 = 0.99, eps = 1e-5, wd = 0.1, biasWd = 0.01;
        var model = DotBiasModel.Create(3, 4, new DotBiasOptions { Factors = k, YRange = new(0f, 5.5f) }, new SeededRandom(11));
        var (user, item, rating) = (2, 1, 4f);
        var users = new PackedRows(3, k);
        var items = new PackedRows(4, k);
        int[] userRows = [0, 1, 2], itemRows = [0, 1, 2, 3];
        users.Load(model.UserFactors, model.UserBias, userRows);
        items.Load(model.ItemFactors, model.ItemBias, itemRows);
        float[] moments = [0.3f, 0.2f, 0.05f, 0.4f]; // user factors, user bias, item factors, item bias
        SetMoments(users, user, moments[0], moments[1]);
        SetMoments(items, item, moments[2], moments[3]);

        var (gu, gi) = (new float[k], new float[k]);
        float gbu = 0, gbi = 0;
        DotBiasKernels.Accumulate(model, user, item, rating, 2f / batchSize, gu, gi, ref gbu, ref gbi, out float expectedPrediction);
        var expectedUser = Rms(model.UserFactors.Row(user), gu, ref moments[0], lr, beta2, eps, wd, t);
        var expectedUserBias = Rms([model.UserBias.Values[user]], [gbu], ref moments[1], lr, beta2, eps, biasWd, t);
        var expectedItem = Rms(model.ItemFactors.Row(item), gi, ref moments[2], lr, beta2, eps, wd, t);
        var expectedItemBias = Rms([model.ItemBias.Values[item]], [gbi], ref moments[3], lr, beta2, eps, biasWd, t);

        var step = RatingStep.Create(model.YRange, batchSize, k, lr, beta2, eps, wd, biasWd, t);
        RatingKernel.Train(ref users.Row(user), ref items.Row(item), users.PaddedFactors, rating, step, out float prediction);
        users.Store(model.UserFactors, model.UserBias, userRows);
        items.Store(model.ItemFactors, model.ItemBias, itemRows);

        Close.Equal(expectedPrediction, prediction, 1e-6, "prediction");
        Close.All(expectedUser, model.UserFactors.Row(user), 1e-6, "user factors");
        Close.All(expectedItem, model.ItemFactors.Row(item), 1e-6, "item factors");
        Close.Equal(expectedUserBias[0], model.UserBias.Values[user], 1e-6, "user bias");
        Close.Equal(expectedItemBias[0], model.ItemBias.Values[item], 1e-6, "item bias");
        Close.All(moments, [.. users.Moments(userRows, bias: false).Skip(user).Take(1), .. users.Moments(userRows, bias: true).Skip(user).Take(1),
            .. items.Moments(itemRows, bias: false).Skip(item).Take(1), .. items.Moments(itemRows, bias: true).Skip(item).Take(1)], 1e-9, "second moments");
    }

    [Fact]
    public void Vector_exponential_is_within_three_ten_millionths_of_the_true_one()
    {
        double worst = 0;
        for (double x = -87; x <= 88; x += 0.0137)
        {
            float e = VectorExp.Exp(Vector128.Create((float)x)).ToScalar();
            double truth = Math.Exp((float)x);
            worst = Math.Max(worst, Math.Abs(e - truth) / truth);
        }
        Assert.InRange(worst, 0, 3e-7);
        // Beyond the range the input is clamped, so the sigmoid of a huge score is still 0 or 1, not NaN.
        Assert.True(float.IsFinite(VectorExp.Exp(Vector128.Create(500f)).ToScalar()));
        Assert.InRange(VectorExp.Exp(Vector128.Create(-500f)).ToScalar(), 0f, 1e-37f);
    }

    [Fact]
    public void Packed_rows_start_on_cache_lines_and_round_trip_the_model()
    {
        var model = DotBiasModel.Create(5, 3, new DotBiasOptions { Factors = 50 }, new SeededRandom(3));
        var rows = new PackedRows(5, 50);
        Assert.Equal(56, rows.PaddedFactors);
        Assert.Equal(64, rows.Stride);
        for (int r = 0; r < 5; r++)
            Assert.Equal(0, Address(ref rows.Row(r)) % 64);
        int[] rowOf = [3, 0, 4, 1, 2];
        rows.Load(model.UserFactors, model.UserBias, rowOf);
        var copy = DotBiasModel.Create(5, 3, new DotBiasOptions { Factors = 50 }, new SeededRandom(99));
        rows.Store(copy.UserFactors, copy.UserBias, rowOf);
        Assert.Equal(model.UserFactors.Values, copy.UserFactors.Values);
        Assert.Equal(model.UserBias.Values, copy.UserBias.Values);
        Assert.All(Enumerable.Range(0, 5), r => Assert.Equal(0f, Span(rows, r)[50..56].ToArray().Sum()));
    }

    private static float[] Rms(ReadOnlySpan<float> p, ReadOnlySpan<float> g, ref float v, double lr, double beta2, double eps, double wd, int t)
    {
        double meanSquare = 0;
        foreach (float x in g)
            meanSquare += (double)x * x / g.Length;
        double moment = beta2 * v + (1 - beta2) * meanSquare;
        v = (float)moment;
        double rate = lr / (Math.Sqrt(moment / (1 - Math.Pow(beta2, t))) + eps);
        var result = new float[p.Length];
        for (int j = 0; j < p.Length; j++)
            result[j] = (float)(p[j] * (1 - lr * wd) - rate * g[j]);
        return result;
    }

    private static RatingStep Step(int k, bool range, int t) =>
        RatingStep.Create(range ? new OutputRange(0f, 5.5f) : null, 64, k, 0.05, 0.99, 1e-5, 0.1, 0.02, t);

    // Records with random factors, biases and moments (and zero padding, as the kernel requires).
    private static PackedRows Records(int k, int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        var rows = new PackedRows(count, k);
        for (int r = 0; r < count; r++)
        {
            var record = Span(rows, r);
            for (int j = 0; j < k; j++)
                record[j] = (float)(random.NextGaussian() * 0.3);
            record[rows.BiasOffset] = (float)random.NextGaussian();
            record[rows.BiasOffset + 1] = (float)random.NextDouble() * 0.01f;
            record[rows.BiasOffset + 2] = (float)random.NextDouble() * 0.1f;
        }
        return rows;
    }

    private static Span<float> Span(PackedRows rows, int row) => MemoryMarshal.CreateSpan(ref rows.Row(row), rows.Stride);

    private static long Address(ref float at) => Unsafe.ByteOffset(ref Unsafe.NullRef<float>(), ref at);

    private static void SetMoments(PackedRows rows, int row, float factors, float bias)
    {
        Span(rows, row)[rows.BiasOffset + 1] = factors;
        Span(rows, row)[rows.BiasOffset + 2] = bias;
    }
}
