namespace Collab.Evaluation;

/// <summary>What <see cref="Evaluator"/> measured, with the protocol spelled out so numbers can be compared.</summary>
public sealed record EvaluationReport
{
    /// <summary>How ranking metrics were computed, printed with every report.</summary>
    public const string RankingProtocol =
        "full ranking of every item the user has not interacted with in training (no sampled negatives); ties count against the model";

    /// <summary>The data source.</summary>
    public required string Source { get; init; }

    /// <summary>The split protocol, in words.</summary>
    public required string Split { get; init; }

    /// <summary>What counts as relevant for ranking metrics, in words.</summary>
    public required string Relevance { get; init; }

    /// <summary>Whether the data was implicit feedback.</summary>
    public bool Implicit { get; init; }

    /// <summary>Rows evaluated (after binarising, if any).</summary>
    public int Rows { get; init; }

    /// <summary>Runs averaged: folds × seeds.</summary>
    public int Runs { get; init; }

    /// <summary>Mean training rows per run.</summary>
    public double TrainRows { get; init; }

    /// <summary>Mean held-out rows per run.</summary>
    public double TestRows { get; init; }

    /// <summary>Mean held-out users per run that ranking metrics average over.</summary>
    public double UsersEvaluated { get; init; }

    /// <summary>Mean held-out users per run skipped because none of their held-out rows is relevant.</summary>
    public double UsersWithoutRelevant { get; init; }

    /// <summary>The trained model first, then the baselines.</summary>
    public required IReadOnlyList<ModelEvaluation> Models { get; init; }
}
