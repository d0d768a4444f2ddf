using Collab.Models;
using Collab.Numerics;

namespace Collab.Tests.Models;

/// <summary>The analytic backward pass equals central finite differences of an independent double-precision loss.</summary>
public sealed class DotBiasGradientTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Analytic_gradients_equal_finite_differences(bool withRange)
    {
        var random = new SeededRandom(7);
        var model = DotBiasModel.Create(5, 6, new DotBiasOptions { Factors = 3, YRange = withRange ? new OutputRange(0, 5.5f) : null }, random);
        foreach (var tensor in model.Parameters)
        {
            for (int i = 0; i < tensor.Values.Length; i++)
                tensor.Values[i] = (float)(random.NextGaussian() * 0.5);
        }
        int[] users = [1, 2, 2, 4, 0, 3, 1];
        int[] items = [5, 1, 3, 3, 2, 0, 5];
        float[] ratings = [4, 1.5f, 3, 5, 2.5f, 0.5f, 3.5f];
        model.ForwardBackward(users, items, ratings, new float[users.Length]);

        const double h = 1e-3;
        foreach (var tensor in model.Parameters)
        {
            for (int p = 0; p < tensor.Values.Length; p++)
            {
                float original = tensor.Values[p];
                tensor.Values[p] = (float)(original + h);
                double plus = ReferenceLoss(model, users, items, ratings);
                tensor.Values[p] = (float)(original - h);
                double minus = ReferenceLoss(model, users, items, ratings);
                tensor.Values[p] = original;
                double numeric = (plus - minus) / (2 * h);
                Assert.True(Math.Abs(numeric - tensor.Gradients[p]) <= 2e-3 + 1e-2 * Math.Abs(numeric),
                    $"{tensor.Name}[{p}]: analytic {tensor.Gradients[p]}, numeric {numeric}");
            }
        }
    }

    [Fact]
    public void Predictions_stay_inside_the_output_range_even_for_extreme_weights()
    {
        var random = new SeededRandom(3);
        var model = DotBiasModel.Create(4, 4, new DotBiasOptions { Factors = 8, YRange = new OutputRange(1, 5) }, random);
        foreach (var tensor in model.Parameters)
        {
            for (int i = 0; i < tensor.Values.Length; i++)
                tensor.Values[i] = (float)(random.NextGaussian() * 50);
        }
        for (int u = 0; u < 4; u++)
        {
            for (int i = 0; i < 4; i++)
            {
                float prediction = model.Predict(u, i);
                Assert.InRange(prediction, 1f, 5f);
            }
        }
    }

    [Fact]
    public void Folded_normal_initialisation_stays_within_two_standard_deviations_and_biases_are_not_zero()
    {
        var model = DotBiasModel.Create(200, 300, new DotBiasOptions(), new SeededRandom(1));
        foreach (var tensor in model.Parameters)
        {
            Assert.All(tensor.Values, v => Assert.InRange(v, -0.02f, 0.02f));
            Assert.Contains(tensor.Values, v => v != 0);
        }
        // Folding N(0,1) at ±2 leaves a standard deviation of about 0.87; checked on the large factor table.
        double std = Math.Sqrt(model.ItemFactors.Values.Average(v => (double)v * v));
        Assert.InRange(std, 0.0084, 0.0090);
    }

    /// <summary>The batch-mean squared error computed in double, written out from the spec's formula.</summary>
    private static double ReferenceLoss(DotBiasModel model, int[] users, int[] items, float[] ratings)
    {
        double sum = 0;
        for (int b = 0; b < users.Length; b++)
        {
            double raw = model.UserBias.Values[users[b]] + model.ItemBias.Values[items[b]];
            for (int k = 0; k < model.Factors; k++)
                raw += (double)model.UserFactors.Values[users[b] * model.Factors + k] * model.ItemFactors.Values[items[b] * model.Factors + k];
            double prediction = model.YRange is { } r ? r.Low + r.Width / (1 + Math.Exp(-raw)) : raw;
            sum += (prediction - ratings[b]) * (prediction - ratings[b]);
        }
        return sum / users.Length;
    }
}
