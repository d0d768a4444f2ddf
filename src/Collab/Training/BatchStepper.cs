using Collab.Data;
using Collab.Models;

namespace Collab.Training;

/// <summary>Trains a group of batches: the part of the loop that differs between exact and fast mode.</summary>
internal abstract class BatchStepper(int groupSize, int batchSize)
{
    private readonly BatchGroup _group = new(groupSize, batchSize);

    public int GroupSize => _group.Capacity;

    public abstract IOptimizerState State { get; }

    public static BatchStepper Create(EncodedRatings train, ICollabModel model, LearnerOptions options) => options.Mode switch
    {
        TrainingMode.Exact => new ExactBatchStepper(train, model, options),
        TrainingMode.Fast when model is DotBiasModel dot => new FastBatchStepper(train, dot, options),
        TrainingMode.Fast => throw new NotSupportedException($"Fast mode trains the dot-bias model; train {model.GetType().Name} in exact mode."),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Mode, "Unknown training mode."),
    };

    public BatchGroup Begin(int count)
    {
        _group.Reset(count);
        return _group;
    }

    /// <summary>Trains the group's batches: batch j is order[offset + j·bs .. offset + (j+1)·bs).</summary>
    public abstract void Run(BatchGroup group, int[] order, int offset, double weightDecay);

    /// <summary>Applies any deferred updates, so the model's parameters and the optimizer's state are current.</summary>
    public virtual void Synchronize()
    {
    }
}
