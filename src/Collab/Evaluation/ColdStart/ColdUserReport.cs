namespace Collab.Evaluation.ColdStart;

/// <summary>The result of the cold-user protocol.</summary>
public sealed record ColdUserReport
{
    /// <summary>Users held out of training.</summary>
    public int HeldOutUsers { get; init; }

    /// <summary>Ratings used for training (the other users').</summary>
    public int TrainRatings { get; init; }

    /// <summary>Test ratings of the held-out users (items the model knows).</summary>
    public int TestRatings { get; init; }

    /// <summary>Held-out users' ratings of items no training user rated (left out: no fold-in can use them).</summary>
    public int UnknownItemRatings { get; init; }

    /// <summary>Seconds spent training.</summary>
    public double FitSeconds { get; init; }

    /// <summary>Baseline: every test rating predicted as the training mean.</summary>
    public double GlobalMean { get; init; }

    /// <summary>Baseline: the item-bias-only model (each item's damped mean training rating), ignoring revealed ratings.</summary>
    public double ItemBiasOnly { get; init; }

    /// <summary>The curve, one point per number of revealed ratings.</summary>
    public IReadOnlyList<ColdUserPoint> Points { get; init; } = [];

    /// <summary>The curve by questions asked: questionnaire against random questions.</summary>
    public IReadOnlyList<BudgetPoint> Budgets { get; init; } = [];

    /// <summary>Mean wall time of one user fold-in, in milliseconds.</summary>
    public double FoldInMilliseconds { get; init; }

    /// <summary>Mean wall time of choosing one round of questions (open questionnaire), in milliseconds.</summary>
    public double RoundMilliseconds { get; init; }

    /// <summary>Mean wall time of choosing one round of questions from a user's seen items, in milliseconds.</summary>
    public double FromSeenRoundMilliseconds { get; init; }

    /// <summary>The settings used.</summary>
    public ColdUserOptions Options { get; init; } = new();
}
