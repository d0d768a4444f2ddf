namespace Collab.Persistence;

/// <summary>How a model merged from a seed ensemble came about (<c>Collab.Training.SeedEnsemble</c>).</summary>
public sealed record EnsembleSummary
{
    /// <summary>Members trained (seeds seed, seed + 1, …).</summary>
    public int Members { get; init; }

    /// <summary>Factors of the merged model.</summary>
    public int Rank { get; init; }

    /// <summary>Validation RMSE of each member on its own.</summary>
    public IReadOnlyList<double> MemberValidRmse { get; init; } = [];

    /// <summary>Validation RMSE of the members' averaged prediction, before merging.</summary>
    public double AveragedValidRmse { get; init; }

    /// <summary>Validation RMSE of the merged model (the one saved).</summary>
    public double ValidRmse { get; init; }
}
