using System.Globalization;

namespace Collab.Training;

/// <summary>
/// Training blew up: a batch's loss, an epoch's validation loss or a weight became NaN or infinite. Training stops at
/// once, as nothing useful can come of the remaining batches; the message says where and what to do (usually: a lower
/// learning rate).
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for a fit that diverged at a batch.</summary>
    /// <param name="epoch">The 0-based epoch.</param>
    /// <param name="batch">The 0-based batch within the epoch, or null when the problem was found at the epoch's end.</param>
    /// <param name="learningRate">The peak learning rate of the fit.</param>
    /// <param name="what">What became non-finite, for example "the training loss is NaN".</param>
    public TrainingDivergedException(int epoch, int? batch, double learningRate, string what)
        : base(Describe(epoch, batch, learningRate, what))
    {
        Epoch = epoch;
        Batch = batch;
        LearningRate = learningRate;
    }

    /// <summary>The 0-based epoch it diverged in.</summary>
    public int Epoch { get; }

    /// <summary>The 0-based batch within the epoch, or null when it was found at the epoch's end.</summary>
    public int? Batch { get; }

    /// <summary>The peak learning rate of the fit.</summary>
    public double LearningRate { get; }

    private static string Describe(int epoch, int? batch, double learningRate, string what)
    {
        var where = batch is int b ? $"epoch {epoch}, batch {b + 1}" : $"the end of epoch {epoch}";
        var lr = Math.Abs(learningRate) is >= 1e5 or < 1e-3 and > 0
            ? learningRate.ToString("0.##e0", CultureInfo.InvariantCulture)
            : learningRate.ToString("G4", CultureInfo.InvariantCulture);
        return $"training diverged at {where}: {what} (peak learning rate {lr}). Lower the learning rate "
            + $"(the recipes use {CollabDefaults.LearningRate.ToString(CultureInfo.InvariantCulture)}), or run 'collab lr-find' to choose one.";
    }
}
