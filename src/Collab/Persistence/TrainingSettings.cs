using Collab.Data;
using Collab.Models;
using Collab.Models.Implicit;

namespace Collab.Persistence;

/// <summary>
/// The settings a model was trained with, as its file records them. It mirrors the trainer's options field for
/// field (same JSON names), but names the training mode and optimizer as text, so the file format depends on no
/// training type.
/// </summary>
public sealed record TrainingSettings
{
    /// <summary>Implicit ALS's settings, for an ials model (its fold-in solves the same objective); null otherwise.</summary>
    public IalsOptions? Ials { get; init; }

    /// <summary>The Gibbs chain of a bayes model; null otherwise.</summary>
    public BayesSettings? Bayes { get; init; }

    /// <summary>How epochs drew their rows: permutation or withReplacement. <value>Default: permutation (all files before it).</value></summary>
    public string Sampling { get; init; } = "permutation";

    /// <summary>The model kind's name (dot, nn, ials, ease, bpr, bce). <value>Default: dot (what version-1 files hold).</value></summary>
    public string Model { get; init; } = "dot";

    /// <summary>Latent factors.</summary>
    public int Factors { get; init; } = CollabDefaults.Factors;

    /// <summary>Output range of the sigmoid; null for none.</summary>
    public OutputRange? YRange { get; init; } = OutputRange.Lesson;

    /// <summary>Epochs of the one-cycle fit.</summary>
    public int Epochs { get; init; } = CollabDefaults.Epochs;

    /// <summary>Peak learning rate.</summary>
    public double LearningRate { get; init; } = CollabDefaults.LearningRate;

    /// <summary>Decoupled weight decay.</summary>
    public double WeightDecay { get; init; } = CollabDefaults.WeightDecay;

    /// <summary>Weight decay of the bias tables when it differs from <see cref="WeightDecay"/>.</summary>
    public double? BiasWeightDecay { get; init; }

    /// <summary>Batch size.</summary>
    public int BatchSize { get; init; } = CollabDefaults.BatchSize;

    /// <summary>Share of rows held out for validation.</summary>
    public double ValidPct { get; init; } = CollabDefaults.ValidPct;

    /// <summary>Seed for split, initialisation and shuffling.</summary>
    public ulong Seed { get; init; } = CollabDefaults.Seed;

    /// <summary>Which rows the vocabularies were built from.</summary>
    public VocabularyScope VocabularyScope { get; init; } = VocabularyScope.Training;

    /// <summary>The training mode, as the CLI names it (<c>exact</c> or <c>fast</c>).</summary>
    public string Mode { get; init; } = "exact";

    /// <summary>Fast mode's optimizer, in camelCase (for example <c>rowRms</c>).</summary>
    public string FastOptimizer { get; init; } = "rowRms";

    /// <summary>Threads asked for (0: every core).</summary>
    public int Threads { get; init; }

    /// <summary>Adam's epsilon.</summary>
    public double Epsilon { get; init; } = CollabDefaults.Epsilon;

    /// <summary>Adam's second-moment decay.</summary>
    public double Beta2 { get; init; } = CollabDefaults.Beta2;
}
