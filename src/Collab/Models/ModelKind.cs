namespace Collab.Models;

/// <summary>
/// The kinds of model Collab trains, saves and serves. The factor kinds (<see cref="Dot"/>, <see cref="Ials"/>,
/// <see cref="Bpr"/>, <see cref="Bce"/>, <see cref="Bayes"/>) share the dot-bias tables, so every factor-based feature (similar items,
/// explanations, fold-in, the matrix view) works on each of them.
/// </summary>
public enum ModelKind
{
    /// <summary>The lesson's dot-product model with biases, on ratings (MSE).</summary>
    Dot,

    /// <summary>fastai's neural variant (<c>EmbeddingNN</c>), on ratings (MSE).</summary>
    Nn,

    /// <summary>Implicit alternating least squares (Hu, Koren and Volinsky 2008) on "who interacted with what".</summary>
    Ials,

    /// <summary>EASE (Steck 2019): a closed-form item-item model on "who interacted with what".</summary>
    Ease,

    /// <summary>The dot-bias model trained with BPR on implicit feedback.</summary>
    Bpr,

    /// <summary>The dot-bias model trained with sampled binary cross-entropy on implicit feedback.</summary>
    Bce,

    /// <summary>
    /// A Bayesian factorization machine on ratings, sampled by Gibbs sampling (Rendle 2012, libFM's MCMC), with the
    /// user's rated items and the item's raters as features; saved as the dot-bias tables of its averaged samples.
    /// </summary>
    Bayes,
}
