using Collab.Data;
using Collab.Models;
using Collab.Numerics;

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

    /// <summary>Fills an epoch's order of training rows: by default a uniform shuffle (a seeded permutation).</summary>
    public virtual void FillOrder(int[] order, SeededRandom random)
    {
        for (int i = 0; i < order.Length; i++)
            order[i] = i;
        random.Shuffle(order.AsSpan());
    }

    /// <summary>Trains the group's batches: batch j is order[offset + j·bs .. offset + (j+1)·bs).</summary>
    public abstract void Run(BatchGroup group, int[] order, int offset, double weightDecay);

    /// <summary>Applies any deferred updates, so the model's parameters and the optimizer's state are current.</summary>
    public virtual void Synchronize()
    {
    }
}
