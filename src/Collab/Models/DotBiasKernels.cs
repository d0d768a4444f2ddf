using System.Runtime.CompilerServices;
using System.Numerics.Tensors;

namespace Collab.Models;

/// <summary>
/// The dot-bias model's fused forward and backward pass for one batch. The gradient of the batch-mean
/// squared error with respect to the raw score r_b is d_b = (2/B)(ŷ_b − y_b)·(high − low)·σ_b(1 − σ_b)
/// (or (2/B)(ŷ_b − y_b) without a range); it is scattered into the rows the batch touches.
/// </summary>
internal static class DotBiasKernels
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double ForwardBackward(DotBiasModel model, ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, Span<float> predictions)
    {
        int batch = users.Length;
        int k = model.Factors;
        var uf = model.UserFactors.Values;
        var itf = model.ItemFactors.Values;
        var ub = model.UserBias.Values;
        var ib = model.ItemBias.Values;
        var guf = model.UserFactors.Gradients;
        var gif = model.ItemFactors.Gradients;
        var gub = model.UserBias.Gradients;
        var gib = model.ItemBias.Gradients;
        float scale = 2f / batch;
        double loss = 0;
        for (int b = 0; b < batch; b++)
        {
            int u = users[b];
            int i = items[b];
            var userRow = uf.AsSpan(u * k, k);
            var itemRow = itf.AsSpan(i * k, k);
            float raw = TensorPrimitives.Dot(userRow, itemRow) + ub[u] + ib[i];
            float prediction = OutputActivation.Apply(model.YRange, raw, out float slope);
            predictions[b] = prediction;
            float error = prediction - ratings[b];
            loss += (double)error * error;
            float d = scale * error * slope;
            var userGrad = guf.AsSpan(u * k, k);
            var itemGrad = gif.AsSpan(i * k, k);
            TensorPrimitives.MultiplyAdd(itemRow, d, userGrad, userGrad);
            TensorPrimitives.MultiplyAdd(userRow, d, itemGrad, itemGrad);
            gub[u] += d;
            gib[i] += d;
        }
        return loss / batch;
    }
}
