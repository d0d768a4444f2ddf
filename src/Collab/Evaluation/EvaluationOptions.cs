using Collab.Models.Implicit;
using Collab.Models.Neural;
using Collab.Training;
using Collab.Models;

namespace Collab.Evaluation;

/// <summary>What <see cref="Evaluator"/> trains, how it splits, what it measures and how often it repeats.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The model to evaluate (baselines are always added). <value>Default: <see cref="ModelKind.Dot"/>.</value></summary>
    public ModelKind Model { get; init; } = ModelKind.Dot;

    /// <summary>The split protocol. <value>Default: random, 20% held out.</value></summary>
    public SplitProtocol Split { get; init; } = new(SplitKind.Random);

    /// <summary>
    /// The metrics. <value>Default: <see cref="Metric.Defaults"/>; on implicit feedback (<see cref="IsImplicit"/>)
    /// <see cref="Metric.ImplicitDefaults"/>: precision, recall, NDCG and MAP at 10.</value>
    /// </summary>
    public IReadOnlyList<Metric> Metrics
    {
        get => _metrics ?? (IsImplicit ? Metric.ImplicitDefaults : Metric.Defaults);
        init => _metrics = value;
    }

    private readonly IReadOnlyList<Metric>? _metrics;

    /// <summary>Repetitions with seeds Training.Seed, +1, ... (each k-fold run has k folds). <value>Default: 1.</value></summary>
    public int Seeds { get; init; } = 1;

    /// <summary>Training recipe: factors, epochs, lr, wd, batch size, range, seed. <value>Default: the lesson's.</value></summary>
    public TrainingOptions Training { get; init; } = new();

    /// <summary>Shape of the neural model (its range comes from <see cref="Training"/>).</summary>
    public EmbeddingNNOptions Neural { get; init; } = new();

    /// <summary>Negatives for the implicit models (the loss comes from <see cref="Model"/>).</summary>
    public ImplicitOptions Implicit { get; init; } = new();

    /// <summary>Binarise ratings: rows at or above this value are positives, the others are dropped. <value>Default: null (keep ratings).</value></summary>
    public float? ImplicitThreshold { get; init; }

    /// <summary>The table already holds implicit feedback (read without a rating column). <value>Default: false.</value></summary>
    public bool ImplicitInput { get; init; }

    /// <summary>On explicit data, held-out rows at or above this rating are relevant for ranking metrics. <value>Default: null (all held-out rows).</value></summary>
    public float? RelevanceThreshold { get; init; }

    /// <summary>Whether the evaluated data is implicit feedback (no meaningful ratings).</summary>
    public bool IsImplicit => ImplicitInput || ImplicitThreshold is not null;

    /// <summary>Throws when the combination cannot be evaluated.</summary>
    public void Validate()
    {
        Training.Validate();
        Neural.Validate();
        if (Seeds < 1)
            throw new ArgumentException("Evaluate with at least one seed.");
        if (IsImplicit && ModelKindTraits.PredictsRatings(Model))
            throw new ArgumentException($"The {Model.ToString().ToLowerInvariant()} model learns ratings, and implicit feedback has none. Use ials, ease, bpr or bce.");
        if (!IsImplicit && Model is ModelKind.Ials or ModelKind.Ease)
            throw new ArgumentException($"The {ModelKindNames.Of(Model)} model learns from who interacted with what: pass --implicit T (ratings of at least T count) or a file without ratings.");
        if (IsImplicit && Metrics.All(m => !m.IsRanking))
            throw new ArgumentException("Implicit feedback has no ratings to compare: ask for ranking metrics (precision@k, recall@k, ndcg@k, ...).");
        if (Implicit.Negatives < 1)
            throw new ArgumentException("Draw at least one negative per positive.");
    }
}
