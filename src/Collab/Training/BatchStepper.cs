using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Training.Optimizers;

namespace Collab.Training;

/// <summary>Trains a group of batches: the part of the loop that differs between exact and fast mode.</summary>
internal abstract class BatchStepper(int groupSize, int batchSize, int trainCount)
{
    // Two groups in turn: while one is trained, the Learner may still be reporting the other.
    private readonly BatchGroup[] _groups = [new(groupSize, batchSize), new(groupSize, batchSize)];
    private int _nextGroup;

    // The epoch's order, one buffer reused across epochs: 80 MB at 20 million training rows.
    private int[]? _order;

    public int GroupSize => _groups[0].Capacity;

    /// <summary>Whether <see cref="Run(BatchGroup, int[], int, double, Action)"/> runs other workers while the calling thread does other work.</summary>
    public virtual bool TrainsAlongside => false;

    public abstract IOptimizerState State { get; }

    public static BatchStepper Create(EncodedRatings train, ICollabModel model, LearnerOptions options) => options.Mode switch
    {
        TrainingMode.Exact => new ExactBatchStepper(train, model, options),
        TrainingMode.Fast when model is DotBiasModel dot && options.FastOptimizer == FastOptimizer.RowRms => new BlockedBatchStepper(train, dot, options),
        TrainingMode.Fast when model is DotBiasModel dot => new LazyAdamBatchStepper(train, dot, options),
        TrainingMode.Fast => throw new NotSupportedException($"Fast mode trains the dot-bias model; train {model.GetType().Name} in exact mode."),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Mode, "Unknown training mode."),
    };

    public BatchGroup Begin(int count)
    {
        var group = _groups[_nextGroup];
        _nextGroup ^= 1;
        group.Reset(count);
        return group;
    }

    /// <summary>
    /// Starts an epoch and returns its order of training rows: by default a uniform shuffle (a seeded permutation);
    /// null when the stepper keeps its own order.
    /// </summary>
    public virtual int[]? BeginEpoch(SeededRandom random, RowSampling sampling = RowSampling.Permutation)
    {
        _order ??= new int[trainCount];
        if (sampling == RowSampling.WithReplacement)
        {
            for (int i = 0; i < _order.Length; i++)
                _order[i] = random.NextInt(trainCount);
            return _order;
        }
        for (int i = 0; i < _order.Length; i++)
            _order[i] = i;
        random.Shuffle(_order.AsSpan());
        return _order;
    }

    /// <summary>Trains the group's batches: batch j is order[offset + j·bs .. offset + (j+1)·bs).</summary>
    public abstract void Run(BatchGroup group, int[]? order, int offset, double weightDecay);

    /// <summary>
    /// Trains the group's batches while the calling thread first runs <paramref name="alongside"/>: steppers that
    /// <see cref="TrainsAlongside"/> start their other workers before it and let the calling thread join them after.
    /// </summary>
    public virtual void Run(BatchGroup group, int[]? order, int offset, double weightDecay, Action alongside)
    {
        ArgumentNullException.ThrowIfNull(alongside);
        alongside();
        Run(group, order, offset, weightDecay);
    }

    /// <summary>Applies any deferred updates, so the model's parameters and the optimizer's state are current.</summary>
    public virtual void Synchronize()
    {
    }
}
