namespace Collab.Evaluation.ColdStart;

/// <summary>The result of the cold-item protocol.</summary>
public sealed record ColdItemReport
{
    /// <summary>Items held out of training.</summary>
    public int HeldOutItems { get; init; }

    /// <summary>Held-out items without metadata (predicted from the mean item instead).</summary>
    public int ItemsWithoutMetadata { get; init; }

    /// <summary>Ratings used for training.</summary>
    public int TrainRatings { get; init; }

    /// <summary>Ratings of held-out items by trained users: what the RMSEs below are measured on.</summary>
    public int TestRatings { get; init; }

    /// <summary>Ratings of held-out items by users with no training rating (left out).</summary>
    public int UnknownUserRatings { get; init; }

    /// <summary>Seconds spent training.</summary>
    public double FitSeconds { get; init; }

    /// <summary>Trained items the metadata model was fitted on.</summary>
    public int MetadataRows { get; init; }

    /// <summary>Baseline: the training mean for every rating.</summary>
    public double GlobalMean { get; init; }

    /// <summary>Baseline: the trained items' mean row (factors and bias) with each user's own row.</summary>
    public double MeanItem { get; init; }

    /// <summary>The metadata model's row with each user's own row.</summary>
    public double Metadata { get; init; }

    /// <summary>The blend curve on items with at least two ratings: fold-in after k ratings from either prior.</summary>
    public IReadOnlyList<ColdItemPoint> Points { get; init; } = [];

    /// <summary>Test ratings of the blend curve.</summary>
    public int CurveTestRatings { get; init; }

    /// <summary>The settings used.</summary>
    public ColdItemOptions Options { get; init; } = new();
}
