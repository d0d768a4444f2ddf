namespace Collab.Persistence;

/// <summary>What went into a trained model and how training went; saved in the model file's header.</summary>
public sealed record TrainingSummary
{
    /// <summary>The lowest and highest training rating: predicted ratings are clipped to it (null in files that predate it).</summary>
    public float[]? RatingScale { get; init; }

    /// <summary>The ratings source (file or dataset).</summary>
    public string Source { get; init; } = "";

    /// <summary>Rows in the table.</summary>
    public int Rows { get; init; }

    /// <summary>Training rows.</summary>
    public int TrainRows { get; init; }

    /// <summary>Validation rows.</summary>
    public int ValidRows { get; init; }

    /// <summary>Validation rows whose user had no training rating.</summary>
    public int ValidRowsWithUnknownUser { get; init; }

    /// <summary>Validation rows whose item had no training rating.</summary>
    public int ValidRowsWithUnknownItem { get; init; }

    /// <summary>The settings used.</summary>
    public TrainingSettings Options { get; init; } = new();

    /// <summary>The epoch table.</summary>
    public IReadOnlyList<EpochSummary> Epochs { get; init; } = [];

    /// <summary>Whether training was stopped before the last epoch ended.</summary>
    public bool Stopped { get; init; }

    /// <summary>Wall time of the fit in seconds (for an ensemble: all members and the merge).</summary>
    public double FitSeconds { get; init; }

    /// <summary>For a model merged from a seed ensemble, how; null for one trained model. <see cref="Epochs"/> is then the first member's.</summary>
    public EnsembleSummary? Ensemble { get; init; }

    /// <summary>Final validation RMSE of this model (NaN without validation rows).</summary>
    public double ValidRmse => Ensemble?.ValidRmse ?? (Epochs.Count == 0 ? double.NaN : Math.Sqrt(Epochs[^1].ValidLoss));
}
