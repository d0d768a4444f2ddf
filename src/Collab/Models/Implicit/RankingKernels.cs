using System.Numerics.Tensors;

namespace Collab.Models.Implicit;

/// <summary>
/// Ranking losses of the dot-bias model over a batch of positives with given negatives, on raw scores
/// s(u,i) = u·i + b_u + b_i. Both return the batch mean over positives and accumulate its gradient.
/// </summary>
internal static class RankingKernels
{
    /// <summary>BPR: mean of −log σ(s(u,i) − s(u,j)); the user bias cancels and gets no gradient.</summary>
    public static double Bpr(DotBiasModel model, ReadOnlySpan<int> users, ReadOnlySpan<int> positives, ReadOnlySpan<int> negatives, Span<float> scores)
    {
        int batch = users.Length;
        int k = model.Factors;
        double loss = 0;
        for (int b = 0; b < batch; b++)
        {
            int u = users[b], i = positives[b], j = negatives[b];
            float positive = model.RawScore(u, i);
            float x = positive - model.RawScore(u, j);
            scores[b] = positive;
            loss += Softplus(-x);
            float d = -OutputActivation.Sigmoid(-x) / batch;
            var userRow = model.UserFactors.Row(u);
            var userGrad = model.UserFactors.Gradients.AsSpan(u * k, k);
            TensorPrimitives.MultiplyAdd(model.ItemFactors.Row(i), d, userGrad, userGrad);
            TensorPrimitives.MultiplyAdd(model.ItemFactors.Row(j), -d, userGrad, userGrad);
            AddToItem(model, i, userRow, d);
            AddToItem(model, j, userRow, -d);
        }
        return loss / batch;
    }

    /// <summary>Sampled BCE: mean over positives of −log σ(s(u,i)) − Σ_j log σ(−s(u,j)), with k = negatives/positives.</summary>
    public static double SampledBce(DotBiasModel model, ReadOnlySpan<int> users, ReadOnlySpan<int> positives, ReadOnlySpan<int> negatives, Span<float> scores)
    {
        int batch = users.Length;
        int perPositive = negatives.Length / batch;
        double loss = 0;
        for (int b = 0; b < batch; b++)
        {
            int u = users[b];
            float positive = model.RawScore(u, positives[b]);
            scores[b] = positive;
            loss += Softplus(-positive);
            AddPair(model, u, positives[b], -OutputActivation.Sigmoid(-positive) / batch);
            for (int n = 0; n < perPositive; n++)
            {
                int j = negatives[b * perPositive + n];
                float negative = model.RawScore(u, j);
                loss += Softplus(negative);
                AddPair(model, u, j, OutputActivation.Sigmoid(negative) / batch);
            }
        }
        return loss / batch;
    }

    /// <summary>log(1 + eˣ) without overflow.</summary>
    public static double Softplus(double x) => Math.Max(x, 0) + Math.Log(1 + Math.Exp(-Math.Abs(x)));

    private static void AddPair(DotBiasModel model, int u, int i, float d)
    {
        int k = model.Factors;
        var userGrad = model.UserFactors.Gradients.AsSpan(u * k, k);
        TensorPrimitives.MultiplyAdd(model.ItemFactors.Row(i), d, userGrad, userGrad);
        model.UserBias.Gradients[u] += d;
        AddToItem(model, i, model.UserFactors.Row(u), d);
    }

    private static void AddToItem(DotBiasModel model, int item, ReadOnlySpan<float> userRow, float d)
    {
        int k = model.Factors;
        var itemGrad = model.ItemFactors.Gradients.AsSpan(item * k, k);
        TensorPrimitives.MultiplyAdd(userRow, d, itemGrad, itemGrad);
        model.ItemBias.Gradients[item] += d;
    }
}
