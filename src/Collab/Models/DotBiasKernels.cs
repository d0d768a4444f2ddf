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
            float error = Accumulate(model, u, i, ratings[b], scale,
                guf.AsSpan(u * k, k), gif.AsSpan(i * k, k), ref gub[u], ref gib[i], out predictions[b]);
            loss += (double)error * error;
        }
        return loss / batch;
    }

    /// <summary>
    /// One rating's forward and backward pass: writes the prediction, adds the gradient into the given
    /// gradient rows (dense tables in exact mode, compact slots in fast mode) and returns the error ŷ − y.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Accumulate(DotBiasModel model, int user, int item, float rating, float scale,
        Span<float> userGrad, Span<float> itemGrad, ref float userBiasGrad, ref float itemBiasGrad, out float prediction)
    {
        var userRow = model.UserFactors.Row(user);
        var itemRow = model.ItemFactors.Row(item);
        float raw = TensorPrimitives.Dot(userRow, itemRow) + model.UserBias.Values[user] + model.ItemBias.Values[item];
        prediction = OutputActivation.Apply(model.YRange, raw, out float slope);
        float error = prediction - rating;
        float d = scale * error * slope;
        TensorPrimitives.MultiplyAdd(itemRow, d, userGrad, userGrad);
        TensorPrimitives.MultiplyAdd(userRow, d, itemGrad, itemGrad);
        userBiasGrad += d;
        itemBiasGrad += d;
        return error;
    }
}
