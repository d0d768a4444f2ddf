namespace Collab.Models.Implicit;

/// <summary>The loss that teaches a model to rank what a user interacted with above what they did not.</summary>
public enum RankingLoss
{
    /// <summary>Bayesian personalised ranking: −log σ(s(u,i) − s(u,j)) for a positive i and a sampled negative j (Rendle et al. 2009).</summary>
    Bpr,

    /// <summary>Binary cross-entropy: −log σ(s(u,i)) − Σ_j log σ(−s(u,j)) over k sampled negatives per positive.</summary>
    SampledBce,
}
