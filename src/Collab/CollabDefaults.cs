namespace Collab;

/// <summary>
/// Every default in one place, shared by the library options and the CLI's help. Values follow fastai v2
/// (spec section 18, rule 66) except where the lesson's recipe is the better default, as noted.
/// </summary>
public static class CollabDefaults
{
    /// <summary>Latent factors (fastai v2: 50).</summary>
    public const int Factors = 50;

    /// <summary>Output range: the lesson's (0, 5.5). fastai's default is none.</summary>
    public static readonly (float Low, float High) YRange = (0f, 5.5f);

    /// <summary>Share of rows held out for validation (fastai: 0.2).</summary>
    public const double ValidPct = 0.2;

    /// <summary>Seed for split, initialisation and shuffling.</summary>
    public const ulong Seed = 42;

    /// <summary>Batch size (fastai: 64).</summary>
    public const int BatchSize = 64;

    /// <summary>Epochs of the one-cycle fit: the lesson's 3.</summary>
    public const int Epochs = 3;

    /// <summary>Peak learning rate of the one-cycle fit: the lesson's 5e-3 (fastai's default is 1e-3).</summary>
    public const double LearningRate = 5e-3;

    /// <summary>Decoupled weight decay (fastai: 0.01).</summary>
    public const double WeightDecay = 0.01;

    /// <summary>Adam's second-moment decay (fastai: 0.99).</summary>
    public const double Beta2 = 0.99;

    /// <summary>Adam's epsilon (fastai v2: 1e-5).</summary>
    public const double Epsilon = 1e-5;

    /// <summary>One-cycle: share of the batches spent warming up (fastai v2: 0.25).</summary>
    public const double PctStart = 0.25;

    /// <summary>One-cycle: the starting lr is lr_max / Div (fastai: 25).</summary>
    public const double Div = 25;

    /// <summary>One-cycle: the final lr is lr_max / DivFinal (fastai v2: 1e5).</summary>
    public const double DivFinal = 1e5;

    /// <summary>One-cycle momentum (Adam's β1) at start, peak lr, and end (fastai: 0.95, 0.85, 0.95).</summary>
    public static readonly (double Start, double Middle, double End) Moms = (0.95, 0.85, 0.95);

    /// <summary>Smoothing of the printed train_loss (fastai: 0.98).</summary>
    public const double SmoothBeta = 0.98;

    /// <summary>Hidden layer widths of the neural model (the issue's [100]; fastai's own default is [n_factors]).</summary>
    public static readonly IReadOnlyList<int> NeuralLayers = [100];

    /// <summary>Largest embedding the neural model's size rule gives (fastai: 600).</summary>
    public const int MaxEmbeddingSize = 600;

    /// <summary>Negative items per positive for sampled binary cross-entropy (chosen by measurement, docs/evaluation.md).</summary>
    public const int Negatives = 4;

    /// <summary>The cut-off of ranking metrics when none is named (precision@10 and so on).</summary>
    public const int RankingCutoff = 10;
}
