namespace Collab.Evaluation;

/// <summary>The models <see cref="Evaluator"/> can train.</summary>
public enum ModelKind
{
    /// <summary>The lesson's dot-product model with biases, on ratings (MSE).</summary>
    Dot,

    /// <summary>fastai's neural variant (<c>EmbeddingNN</c>), on ratings (MSE).</summary>
    Nn,

    /// <summary>The dot-bias model trained with BPR on implicit feedback.</summary>
    Bpr,

    /// <summary>The dot-bias model trained with sampled binary cross-entropy on implicit feedback.</summary>
    Bce,
}
