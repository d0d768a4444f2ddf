using Collab.Data;

namespace Collab.Training.Bayesian;

/// <summary>
/// Settings of the Bayesian factorization machine (<c>--model bayes</c>): its rank, the Gibbs chain, the features
/// built from the ratings, and the size of the saved model. Regularisation has no setting: every feature group has
/// its own prior mean and precision, drawn from libFM's hyper-priors in each sweep.
/// </summary>
public sealed record BayesOptions
{
    /// <summary>Factors of each sample. <value>Default: 10 (myFM's and libFM's MovieLens examples).</value></summary>
    public int Rank { get; init; } = 10;

    /// <summary>Gibbs sweeps in all, burn-in included. <value>Default: 256.</value></summary>
    public int Sweeps { get; init; } = 256;

    /// <summary>Sweeps discarded before samples are kept. <value>Default: 16.</value></summary>
    public int BurnIn { get; init; } = 16;

    /// <summary>Keep every n-th sweep after the burn-in (consecutive sweeps are strongly correlated). <value>Default: 2.</value></summary>
    public int Thin { get; init; } = 2;

    /// <summary>
    /// Factors of the saved model: the mean of the kept samples' scores, merged to this rank (Eckart–Young, as
    /// ensembles are merged). <value>Default: 64.</value>
    /// </summary>
    public int MergedRank { get; init; } = 64;

    /// <summary>
    /// Adds each user's set of rated items and each item's set of raters as features, normalised by 1/√count
    /// (the SVD++-style "implicit" features of Rendle 2013 and myFM's examples). <value>Default: true.</value>
    /// </summary>
    public bool ImplicitSets { get; init; } = true;

    /// <summary>Attributes of items (genres, year) by raw item id; null for none. <value>Default: null.</value></summary>
    public AttributeTable? ItemAttributes { get; init; }

    /// <summary>Attributes of users (age, gender, occupation) by raw user id; null for none. <value>Default: null.</value></summary>
    public AttributeTable? UserAttributes { get; init; }

    /// <summary>
    /// These options with the rank and the chain's length given on a command line (null keeps each); a chain shorter
    /// than four burn-ins keeps three quarters of its sweeps.
    /// </summary>
    public BayesOptions WithChain(int? rank, int? sweeps)
    {
        int length = sweeps ?? Sweeps;
        return this with { Rank = rank ?? Rank, Sweeps = length, BurnIn = Math.Min(BurnIn, length / 4) };
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Rank);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Sweeps);
        ArgumentOutOfRangeException.ThrowIfNegative(BurnIn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Thin);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MergedRank);
        if (BurnIn >= Sweeps)
            throw new ArgumentOutOfRangeException(nameof(BurnIn), BurnIn, $"The burn-in ({BurnIn}) must be shorter than the chain ({Sweeps} sweeps).");
    }
}
