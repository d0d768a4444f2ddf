namespace Collab.Training;

/// <summary>Where a fit is, passed to every callback event. Callbacks may set the schedule or request a stop.</summary>
public sealed class TrainingContext
{
    internal TrainingContext(Learner learner, int epochCount, int batchesPerEpoch, CancellationToken cancellation)
    {
        Learner = learner;
        EpochCount = epochCount;
        BatchesPerEpoch = batchesPerEpoch;
        Cancellation = cancellation;
    }

    /// <summary>The learner being fitted.</summary>
    public Learner Learner { get; }

    /// <summary>Epochs in this fit.</summary>
    public int EpochCount { get; }

    /// <summary>Training batches per epoch (the last partial batch is dropped).</summary>
    public int BatchesPerEpoch { get; }

    /// <summary>Training batches in the whole fit.</summary>
    public int TotalBatches => EpochCount * BatchesPerEpoch;

    /// <summary>0-based epoch.</summary>
    public int Epoch { get; internal set; }

    /// <summary>0-based batch within the epoch.</summary>
    public int Iteration { get; internal set; }

    /// <summary>0-based batch since the start of the fit.</summary>
    public int GlobalBatch => Epoch * BatchesPerEpoch + Iteration;

    /// <summary>Learning rate for the current batch (set by the schedule).</summary>
    public double LearningRate { get; set; }

    /// <summary>Adam's β1 for the current batch (set by the schedule).</summary>
    public double Momentum { get; set; }

    /// <summary>Decoupled weight decay for this fit.</summary>
    public double WeightDecay { get; set; }

    /// <summary>The last training batch's mean squared error.</summary>
    public double BatchLoss { get; internal set; }

    /// <summary>The last training batch's predictions (valid during <see cref="LearnerCallback.AfterBatch"/>).</summary>
    public ReadOnlyMemory<float> BatchPredictions { get; internal set; }

    /// <summary>Cancellation from outside (Ctrl+C).</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>Whether a callback asked the fit to stop after the current batch.</summary>
    public bool StopRequested { get; private set; }

    /// <summary>Asks the fit to stop after the current batch.</summary>
    public void RequestStop() => StopRequested = true;
}
