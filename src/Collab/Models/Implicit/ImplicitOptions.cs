namespace Collab.Models.Implicit;

/// <summary>How the dot-bias model learns from implicit feedback: the ranking loss and how negatives are drawn.</summary>
public sealed record ImplicitOptions
{
    /// <summary>The loss. <value>Default: <see cref="RankingLoss.Bpr"/>.</value></summary>
    public RankingLoss Loss { get; init; } = RankingLoss.Bpr;

    /// <summary>Negatives per positive for <see cref="RankingLoss.SampledBce"/> (BPR uses one). <value>Default: 4.</value></summary>
    public int Negatives { get; init; } = CollabDefaults.Negatives;

    /// <summary>How negatives are drawn. <value>Default: <see cref="NegativeSampling.Uniform"/>.</value></summary>
    public NegativeSampling Sampling { get; init; } = NegativeSampling.Uniform;

    /// <summary>Negatives drawn for each positive under this loss.</summary>
    public int NegativesPerPositive => Loss == RankingLoss.Bpr ? 1 : Negatives;
}
