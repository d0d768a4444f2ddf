namespace Collab.Models.Neural;

/// <summary>
/// One hidden block of the neural model in fastai's <c>lin_first</c> order: Linear without bias → ReLU →
/// BatchNorm1d (eps 1e-5 inside the root, momentum 0.1) → dropout. Tensor names follow torch's
/// (<c>layers.{i}.0.weight</c>, <c>layers.{i}.2.weight</c>/<c>bias</c>).
/// </summary>
public sealed class HiddenLayer
{
    /// <summary>BatchNorm's ε, added to the variance inside the square root.</summary>
    public const float Epsilon = 1e-5f;

    /// <summary>BatchNorm's momentum: the weight of the new batch statistic in the running average.</summary>
    public const float Momentum = 0.1f;

    internal HiddenLayer(int index, int inputs, int width, double dropout)
    {
        Inputs = inputs;
        Width = width;
        Dropout = dropout;
        Weight = new ParameterTensor($"layers.{index}.0.weight", width, inputs);
        Scale = new ParameterTensor($"layers.{index}.2.weight", 1, width, decayWeights: false);
        Shift = new ParameterTensor($"layers.{index}.2.bias", 1, width, decayWeights: false);
        RunningMean = new float[width];
        RunningVariance = new float[width];
        Array.Fill(RunningVariance, 1f);
    }

    /// <summary>Input width.</summary>
    public int Inputs { get; }

    /// <summary>Output width.</summary>
    public int Width { get; }

    /// <summary>Dropout probability after the batch norm.</summary>
    public double Dropout { get; }

    /// <summary>The linear map (Width x Inputs), decayed.</summary>
    public ParameterTensor Weight { get; }

    /// <summary>BatchNorm's γ (1 x Width), not decayed; fastai starts it at 1.</summary>
    public ParameterTensor Scale { get; }

    /// <summary>BatchNorm's β (1 x Width), not decayed; fastai starts it at 0.001.</summary>
    public ParameterTensor Shift { get; }

    /// <summary>Running mean of the ReLU outputs, used in evaluation mode.</summary>
    public float[] RunningMean { get; }

    /// <summary>Running unbiased variance of the ReLU outputs, used in evaluation mode.</summary>
    public float[] RunningVariance { get; }

    /// <summary>Training forwards that updated the running statistics (torch's num_batches_tracked).</summary>
    public long BatchesTracked { get; internal set; }

    /// <summary>Folds one batch's statistics into the running ones, as torch does after normalising.</summary>
    internal void UpdateRunningStatistics(ReadOnlySpan<double> mean, ReadOnlySpan<double> biasedVariance, int batch)
    {
        float unbias = (float)batch / (batch - 1);
        for (int j = 0; j < Width; j++)
        {
            RunningMean[j] = (1 - Momentum) * RunningMean[j] + Momentum * (float)mean[j];
            RunningVariance[j] = (1 - Momentum) * RunningVariance[j] + Momentum * ((float)biasedVariance[j] * unbias);
        }
        BatchesTracked++;
    }
}
