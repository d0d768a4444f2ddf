using Collab.Models;
using Collab.Models.Implicit;
using Collab.Numerics;

namespace Collab.Tests.Models.Implicit;

/// <summary>BPR and sampled BCE gradients equal central finite differences of independent double-precision losses.</summary>
public sealed class RankingLossGradientTests
{
    private static readonly int[] Users = [1, 2, 2, 4, 3, 1];
    private static readonly int[] Positives = [5, 1, 3, 3, 2, 4];
    private static readonly int[] BprNegatives = [2, 4, 5, 1, 1, 3];
    private static readonly int[] BceNegatives = [2, 3, 4, 5, 1, 2, 5, 1, 4, 2, 3, 1];

    [Fact]
    public void Bpr_gradients_equal_finite_differences()
    {
        var model = RandomModel();
        RankingKernels.Bpr(model, Users, Positives, BprNegatives, new float[Users.Length]);
        Assert.All(model.UserBias.Gradients, g => Assert.Equal(0f, g));
        Check(model, () =>
        {
            double sum = 0;
            for (int b = 0; b < Users.Length; b++)
                sum += Math.Log(1 + Math.Exp(-(Score(model, Users[b], Positives[b]) - Score(model, Users[b], BprNegatives[b]))));
            return sum / Users.Length;
        });
    }

    [Fact]
    public void Sampled_bce_gradients_equal_finite_differences()
    {
        var model = RandomModel();
        RankingKernels.SampledBce(model, Users, Positives, BceNegatives, new float[Users.Length]);
        Check(model, () =>
        {
            double sum = 0;
            for (int b = 0; b < Users.Length; b++)
            {
                sum -= Math.Log(1 / (1 + Math.Exp(-Score(model, Users[b], Positives[b]))));
                for (int n = 0; n < 2; n++)
                    sum -= Math.Log(1 / (1 + Math.Exp(Score(model, Users[b], BceNegatives[b * 2 + n]))));
            }
            return sum / Users.Length;
        });
    }

    [Fact]
    public void Softplus_is_stable_for_large_arguments()
    {
        Assert.Equal(1000, RankingKernels.Softplus(1000), 9);
        Assert.Equal(Math.Exp(-1000), RankingKernels.Softplus(-1000), 12);
        Assert.Equal(Math.Log(2), RankingKernels.Softplus(0), 12);
    }

    private static DotBiasModel RandomModel()
    {
        var random = new SeededRandom(9);
        var model = DotBiasModel.Create(5, 6, new DotBiasOptions { Factors = 3, YRange = null }, random);
        foreach (var tensor in model.Parameters)
        {
            for (int i = 0; i < tensor.Values.Length; i++)
                tensor.Values[i] = (float)(random.NextGaussian() * 0.7);
        }
        return model;
    }

    private static double Score(DotBiasModel model, int u, int i)
    {
        double s = model.UserBias.Values[u] + model.ItemBias.Values[i];
        for (int k = 0; k < model.Factors; k++)
            s += (double)model.UserFactors.Values[u * model.Factors + k] * model.ItemFactors.Values[i * model.Factors + k];
        return s;
    }

    private static void Check(DotBiasModel model, Func<double> loss)
    {
        const double h = 1e-3;
        foreach (var tensor in model.Parameters)
        {
            for (int p = 0; p < tensor.Values.Length; p++)
            {
                float original = tensor.Values[p];
                float up = (float)(original + h), down = (float)(original - h);
                tensor.Values[p] = up;
                double plus = loss();
                tensor.Values[p] = down;
                double minus = loss();
                tensor.Values[p] = original;
                double numeric = (plus - minus) / ((double)up - down);
                Assert.True(Math.Abs(numeric - tensor.Gradients[p]) <= 1e-4 + 1e-3 * Math.Abs(numeric),
                    $"{tensor.Name}[{p}]: analytic {tensor.Gradients[p]}, numeric {numeric}");
            }
        }
    }
}
