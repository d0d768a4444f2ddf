using Collab.Training.Optimizers;

namespace Collab.Training;

/// <summary>How the learner batches and optimizes.</summary>
public sealed record LearnerOptions
{
    /// <summary>Rows per training batch (the last partial batch of an epoch is dropped). <value>Default: 64.</value></summary>
    public int BatchSize { get; init; } = CollabDefaults.BatchSize;

    /// <summary>Seed of the per-epoch shuffling. <value>Default: 42.</value></summary>
    public ulong Seed { get; init; } = CollabDefaults.Seed;

    /// <summary>Adam's constants.</summary>
    public AdamOptions Adam { get; init; } = new();

    /// <summary>Weight decay used when a fit does not name one. <value>Default: 0.01.</value></summary>
    public double WeightDecay { get; init; } = CollabDefaults.WeightDecay;

    /// <summary>
    /// Weight decay of the bias tables in fast mode; null decays them like the factor tables. <value>Default: null.</value>
    /// </summary>
    public double? BiasWeightDecay { get; init; }

    /// <summary>Exact (dense, fastai) or fast (touched rows only). <value>Default: exact.</value></summary>
    public TrainingMode Mode { get; init; } = TrainingMode.Exact;

    /// <summary>The update fast mode applies to touched rows. <value>Default: row-wise RMSprop.</value></summary>
    public FastOptimizer FastOptimizer { get; init; } = FastOptimizer.RowRms;

    /// <summary>Worker threads: fast mode trains that many batches at once; exact mode brings every row up to date on them at epoch ends. <value>Default: 1.</value></summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Replaces the shuffled order of training rows for an epoch (used to replay a recorded run). Null: a
    /// fresh seeded permutation each epoch.
    /// </summary>
    /// <summary>How each epoch draws its rows (exact mode; fast mode's grid trains every rating once). <value>Default: <see cref="RowSampling.Permutation"/>.</value></summary>
    public RowSampling Sampling { get; init; } = RowSampling.Permutation;

    internal Func<int, int[]>? EpochOrder { get; init; }
}
