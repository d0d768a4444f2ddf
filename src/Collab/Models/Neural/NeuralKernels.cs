using System.Numerics.Tensors;
using Collab.Numerics;

namespace Collab.Models.Neural;

/// <summary>
/// Forward and backward passes of <see cref="EmbeddingNN"/> over one batch, row by row with SIMD dot products.
/// The batch-norm backward uses the closed form d_a = γ·invstd·(d_z − mean(d_z) − x̂·mean(d_z·x̂)) (golden README,
/// procedure 4); statistics are accumulated in double.
/// </summary>
internal static class NeuralKernels
{
    public static void ForwardTrain(EmbeddingNN model, NeuralWorkspace w, ReadOnlySpan<int> users, ReadOnlySpan<int> items)
    {
        int batch = w.Batch;
        Gather(model, w.Inputs[0], users, items);
        ApplyDropout(w.Masks[0], w.Inputs[0], model.EmbeddingDropout, model.DropoutRandom);
        for (int l = 0; l < model.HiddenLayers.Count; l++)
        {
            var layer = model.HiddenLayers[l];
            int width = layer.Width;
            var a = w.Activations[l];
            LinearRelu(w.Inputs[l], layer.Weight, a, batch);
            var mean = w.Mean[l];
            var variance = w.Variance[l];
            for (int j = 0; j < width; j++)
            {
                double sum = 0;
                for (int b = 0; b < batch; b++)
                    sum += a[b * width + j];
                double mu = sum / batch;
                double squares = 0;
                for (int b = 0; b < batch; b++)
                {
                    double d = a[b * width + j] - mu;
                    squares += d * d;
                }
                mean[j] = mu;
                variance[j] = squares / batch;
                w.InvStd[l][j] = (float)(1 / Math.Sqrt(variance[j] + HiddenLayer.Epsilon));
            }
            Normalize(layer, a, w.Normalized[l], w.Inputs[l + 1], mean, w.InvStd[l], batch);
            layer.UpdateRunningStatistics(mean, variance, batch);
            ApplyDropout(w.Masks[l + 1], w.Inputs[l + 1], layer.Dropout, model.DropoutRandom);
        }
        Output(model, w.Inputs[^1], w.Outputs, batch);
    }

    /// <summary>Evaluation mode for up to <see cref="NeuralWorkspace.Batch"/> rows: running statistics, no dropout, no state change.</summary>
    public static void ForwardEval(EmbeddingNN model, NeuralWorkspace w, ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions)
    {
        int batch = users.Length;
        Gather(model, w.Inputs[0], users, items);
        for (int l = 0; l < model.HiddenLayers.Count; l++)
        {
            var layer = model.HiddenLayers[l];
            LinearRelu(w.Inputs[l], layer.Weight, w.Activations[l], batch);
            var mean = w.Mean[l];
            for (int j = 0; j < layer.Width; j++)
            {
                mean[j] = layer.RunningMean[j];
                w.InvStd[l][j] = 1f / MathF.Sqrt(layer.RunningVariance[j] + HiddenLayer.Epsilon);
            }
            Normalize(layer, w.Activations[l], w.Normalized[l], w.Inputs[l + 1], mean, w.InvStd[l], batch);
        }
        Output(model, w.Inputs[^1], w.Outputs, batch);
        for (int b = 0; b < batch; b++)
            predictions[b] = model.Activate(w.Outputs[b]);
    }

    /// <summary>Writes predictions, accumulates all gradients for the batch-mean squared error and returns it.</summary>
    public static double Backward(EmbeddingNN model, NeuralWorkspace w, ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, Span<float> predictions)
    {
        int batch = w.Batch;
        int last = model.HiddenLayers.Count;
        int outWidth = model.OutputWeight.Columns;
        var outWeight = model.OutputWeight.Values.AsSpan();
        var outWeightGrad = model.OutputWeight.Gradients.AsSpan();
        float scale = 2f / batch;
        double loss = 0;
        for (int b = 0; b < batch; b++)
        {
            float raw = w.Outputs[b];
            float prediction = OutputActivation.Apply(model.YRange, raw, out float slope);
            predictions[b] = prediction;
            float error = prediction - ratings[b];
            loss += (double)error * error;
            float d = scale * error * slope;
            model.OutputBias.Gradients[0] += d;
            var x = w.Inputs[last].AsSpan(b * outWidth, outWidth);
            TensorPrimitives.MultiplyAdd(x, d, outWeightGrad, outWeightGrad);
            TensorPrimitives.Multiply(outWeight, d, w.InputGradients[last].AsSpan(b * outWidth, outWidth));
        }
        for (int l = last - 1; l >= 0; l--)
            LayerBackward(model.HiddenLayers[l], w, l, batch);
        Scatter(model, w, users, items);
        return loss / batch;
    }

    private static void LayerBackward(HiddenLayer layer, NeuralWorkspace w, int l, int batch)
    {
        int width = layer.Width;
        var dz = w.InputGradients[l + 1];
        if (w.Masks[l + 1] is { } mask)
            TensorPrimitives.Multiply(dz, mask, dz);
        var xhat = w.Normalized[l];
        var a = w.Activations[l];
        var gamma = layer.Scale.Values;
        for (int j = 0; j < width; j++)
        {
            double sumDz = 0, sumDzXhat = 0;
            for (int b = 0; b < batch; b++)
            {
                sumDz += dz[b * width + j];
                sumDzXhat += (double)dz[b * width + j] * xhat[b * width + j];
            }
            layer.Scale.Gradients[j] += (float)sumDzXhat;
            layer.Shift.Gradients[j] += (float)sumDz;
            double factor = gamma[j] * w.InvStd[l][j];
            double meanDz = sumDz / batch, meanDzXhat = sumDzXhat / batch;
            for (int b = 0; b < batch; b++)
            {
                int at = b * width + j;
                // Reuse dz as d_h: ReLU passes the gradient only where its output was positive.
                dz[at] = a[at] > 0 ? (float)(factor * (dz[at] - meanDz - xhat[at] * meanDzXhat)) : 0f;
            }
        }
        int inputs = layer.Inputs;
        var x = w.Inputs[l];
        var dx = w.InputGradients[l];
        var weight = layer.Weight.Values.AsSpan();
        var weightGrad = layer.Weight.Gradients.AsSpan();
        Array.Clear(dx);
        for (int b = 0; b < batch; b++)
        {
            var xRow = x.AsSpan(b * inputs, inputs);
            var dxRow = dx.AsSpan(b * inputs, inputs);
            for (int j = 0; j < width; j++)
            {
                float dh = dz[b * width + j];
                if (dh == 0)
                    continue;
                var gRow = weightGrad.Slice(j * inputs, inputs);
                TensorPrimitives.MultiplyAdd(xRow, dh, gRow, gRow);
                TensorPrimitives.MultiplyAdd(weight.Slice(j * inputs, inputs), dh, dxRow, dxRow);
            }
        }
    }

    private static void Scatter(EmbeddingNN model, NeuralWorkspace w, ReadOnlySpan<int> users, ReadOnlySpan<int> items)
    {
        var dx = w.InputGradients[0];
        if (w.Masks[0] is { } mask)
            TensorPrimitives.Multiply(dx, mask, dx);
        int userWidth = model.UserEmbedding.Columns;
        int itemWidth = model.ItemEmbedding.Columns;
        int width = userWidth + itemWidth;
        for (int b = 0; b < users.Length; b++)
        {
            var userGrad = model.UserEmbedding.Gradients.AsSpan(users[b] * userWidth, userWidth);
            var itemGrad = model.ItemEmbedding.Gradients.AsSpan(items[b] * itemWidth, itemWidth);
            TensorPrimitives.Add(userGrad, dx.AsSpan(b * width, userWidth), userGrad);
            TensorPrimitives.Add(itemGrad, dx.AsSpan(b * width + userWidth, itemWidth), itemGrad);
        }
    }

    private static void Gather(EmbeddingNN model, float[] x, ReadOnlySpan<int> users, ReadOnlySpan<int> items)
    {
        int userWidth = model.UserEmbedding.Columns;
        int itemWidth = model.ItemEmbedding.Columns;
        int width = userWidth + itemWidth;
        for (int b = 0; b < users.Length; b++)
        {
            model.UserEmbedding.Row(users[b]).CopyTo(x.AsSpan(b * width, userWidth));
            model.ItemEmbedding.Row(items[b]).CopyTo(x.AsSpan(b * width + userWidth, itemWidth));
        }
    }

    private static void LinearRelu(float[] x, ParameterTensor weight, float[] a, int batch)
    {
        int inputs = weight.Columns;
        int width = weight.Rows;
        for (int b = 0; b < batch; b++)
        {
            var row = x.AsSpan(b * inputs, inputs);
            for (int j = 0; j < width; j++)
                a[b * width + j] = Math.Max(TensorPrimitives.Dot(row, weight.Values.AsSpan(j * inputs, inputs)), 0f);
        }
    }

    private static void Normalize(HiddenLayer layer, float[] a, float[] xhat, float[] next, double[] mean, float[] invStd, int batch)
    {
        int width = layer.Width;
        var gamma = layer.Scale.Values;
        var beta = layer.Shift.Values;
        for (int b = 0; b < batch; b++)
        {
            for (int j = 0; j < width; j++)
            {
                int at = b * width + j;
                float normalized = (a[at] - (float)mean[j]) * invStd[j];
                xhat[at] = normalized;
                next[at] = normalized * gamma[j] + beta[j];
            }
        }
    }

    private static void Output(EmbeddingNN model, float[] x, float[] outputs, int batch)
    {
        int width = model.OutputWeight.Columns;
        for (int b = 0; b < batch; b++)
            outputs[b] = TensorPrimitives.Dot(x.AsSpan(b * width, width), model.OutputWeight.Values) + model.OutputBias.Values[0];
    }

    private static void ApplyDropout(float[]? mask, float[] values, double p, SeededRandom random)
    {
        if (mask is null)
            return;
        float keep = (float)(1 / (1 - p));
        for (int i = 0; i < mask.Length; i++)
            mask[i] = random.NextDouble() < p ? 0f : keep;
        TensorPrimitives.Multiply(values, mask, values);
    }
}
