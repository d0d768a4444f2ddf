namespace Collab.Persistence;

/// <summary>How a Bayesian factorization machine was sampled, as its file records it.</summary>
public sealed record BayesSettings
{
    /// <summary>Factors of each sample.</summary>
    public int Rank { get; init; }

    /// <summary>Gibbs sweeps run (fewer than asked when stopped).</summary>
    public int Sweeps { get; init; }

    /// <summary>Sweeps discarded before keeping samples.</summary>
    public int BurnIn { get; init; }

    /// <summary>Every n-th sweep after the burn-in was kept.</summary>
    public int Thin { get; init; }

    /// <summary>Samples averaged into the saved model.</summary>
    public int Kept { get; init; }

    /// <summary>The feature groups, in sampling order (user, item, rated items, raters, attributes).</summary>
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>The posterior mean of the rating noise's standard deviation over the kept samples.</summary>
    public double NoiseStd { get; init; }
}
