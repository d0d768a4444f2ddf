using Collab.Models;
using Collab.Models.Neural;
using Collab.Numerics;

namespace Collab.Tests.Models.Neural;

/// <summary>The neural model's backward pass equals central finite differences of an independent double-precision loss.</summary>
public sealed class EmbeddingNNGradientTests
{
    private static readonly int[] Users = [1, 2, 2, 4, 0, 3, 1];
    private static readonly int[] Items = [5, 1, 3, 3, 2, 0, 4];
    private static readonly float[] Ratings = [4, 1.5f, 3, 5, 2.5f, 0.5f, 3.5f];

    [Theory]
    [InlineData(new[] { 6 }, 0.0, 0.0, true)]
    [InlineData(new[] { 6 }, 0.0, 0.0, false)]
    [InlineData(new[] { 7, 5 }, 0.0, 0.0, true)]
    [InlineData(new[] { 7, 5 }, 0.3, 0.2, true)]
    public void Analytic_gradients_equal_finite_differences(int[] layers, double embeddingDropout, double layerDropout, bool withRange)
    {
        var options = new EmbeddingNNOptions
        {
            Layers = layers,
            EmbeddingDropout = embeddingDropout,
            LayerDropout = [.. layers.Select(_ => layerDropout)],
            YRange = withRange ? new OutputRange(0, 5.5f) : null,
        };
        var random = new SeededRandom(11);
        var model = EmbeddingNN.Create(5, 6, options, random, new SeededRandom(5));
        foreach (var tensor in model.Parameters)
        {
            for (int i = 0; i < tensor.Values.Length; i++)
                tensor.Values[i] = (float)(random.NextGaussian() * 0.5 + (tensor.Name.EndsWith(".2.weight", StringComparison.Ordinal) ? 1 : 0));
        }
        model.ForwardBackward(Users, Items, Ratings, new float[Users.Length]);
        var workspace = model.TrainingWorkspace!;
        var masks = workspace.Masks.Select(m => m?.ToArray()).ToArray();

        const double h = 1e-3;
        foreach (var tensor in model.Parameters)
        {
            for (int p = 0; p < tensor.Values.Length; p++)
            {
                float original = tensor.Values[p];
                float up = (float)(original + h), down = (float)(original - h);
                tensor.Values[p] = up;
                double plus = ReferenceLoss(model, masks);
                tensor.Values[p] = down;
                double minus = ReferenceLoss(model, masks);
                tensor.Values[p] = original;
                double numeric = (plus - minus) / ((double)up - down);
                Assert.True(Math.Abs(numeric - tensor.Gradients[p]) <= 2e-3 + 1e-2 * Math.Abs(numeric),
                    $"{tensor.Name}[{p}]: analytic {tensor.Gradients[p]}, numeric {numeric}");
            }
        }
    }

    [Fact]
    public void Embedding_sizes_follow_fastais_rule()
    {
        Assert.Equal(74, EmbeddingSizeRule.For(944));
        Assert.Equal(101, EmbeddingSizeRule.For(1635));
        Assert.Equal(102, EmbeddingSizeRule.For(1654));
        Assert.Equal(7, EmbeddingSizeRule.For(14));
        Assert.Equal(6, EmbeddingSizeRule.For(11));
        Assert.Equal(600, EmbeddingSizeRule.For(1_000_000));
    }

    [Fact]
    public void Prediction_uses_running_statistics_and_leaves_them_unchanged()
    {
        var model = EmbeddingNN.Create(5, 6, new EmbeddingNNOptions { Layers = [4] }, new SeededRandom(1), new SeededRandom(2));
        model.ForwardBackward(Users, Items, Ratings, new float[Users.Length]);
        var layer = model.HiddenLayers[0];
        var mean = layer.RunningMean.ToArray();
        var variance = layer.RunningVariance.ToArray();
        var first = new float[Users.Length];
        var second = new float[Users.Length];
        model.Predict(Users, Items, first);
        model.Predict(Users, Items, second);
        Assert.Equal(first, second);
        Assert.Equal(mean, layer.RunningMean);
        Assert.Equal(variance, layer.RunningVariance);
        Assert.Equal(1, layer.BatchesTracked);
        var scores = new float[6];
        model.CreateItemScorer().ScoreAll(3, scores);
        var pairs = new float[6];
        model.Predict([3, 3, 3, 3, 3, 3], [0, 1, 2, 3, 4, 5], pairs);
        for (int i = 0; i < 6; i++)
            Assert.Equal(pairs[i], scores[i], 5);
    }

    /// <summary>Train-mode forward in double, written out from the golden README's procedure, with fixed dropout masks.</summary>
    private static double ReferenceLoss(EmbeddingNN model, float[]?[] masks)
    {
        int batch = Users.Length;
        int width = model.InputWidth;
        var x = new double[batch, width];
        for (int b = 0; b < batch; b++)
        {
            for (int k = 0; k < width; k++)
            {
                double v = k < model.UserEmbedding.Columns ? model.UserEmbedding.Row(Users[b])[k] : model.ItemEmbedding.Row(Items[b])[k - model.UserEmbedding.Columns];
                x[b, k] = v * (masks[0]?[b * width + k] ?? 1);
            }
        }
        for (int l = 0; l < model.HiddenLayers.Count; l++)
        {
            var layer = model.HiddenLayers[l];
            var next = new double[batch, layer.Width];
            for (int j = 0; j < layer.Width; j++)
            {
                var a = new double[batch];
                for (int b = 0; b < batch; b++)
                {
                    double sum = 0;
                    for (int k = 0; k < layer.Inputs; k++)
                        sum += x[b, k] * layer.Weight.Values[j * layer.Inputs + k];
                    a[b] = Math.Max(sum, 0);
                }
                double mean = a.Average();
                double variance = a.Select(v => (v - mean) * (v - mean)).Average();
                for (int b = 0; b < batch; b++)
                {
                    double z = (a[b] - mean) / Math.Sqrt(variance + 1e-5) * layer.Scale.Values[j] + layer.Shift.Values[j];
                    next[b, j] = z * (masks[l + 1]?[b * layer.Width + j] ?? 1);
                }
            }
            x = next;
        }
        double loss = 0;
        for (int b = 0; b < batch; b++)
        {
            double o = model.OutputBias.Values[0];
            for (int k = 0; k < model.OutputWeight.Columns; k++)
                o += x[b, k] * model.OutputWeight.Values[k];
            double prediction = model.YRange is { } r ? r.Low + r.Width / (1 + Math.Exp(-o)) : o;
            loss += (prediction - Ratings[b]) * (prediction - Ratings[b]);
        }
        return loss / batch;
    }
}
