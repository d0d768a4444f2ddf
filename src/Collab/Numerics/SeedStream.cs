namespace Collab.Numerics;

/// <summary>The independent random streams one seed drives.</summary>
public enum SeedStream : ulong
{
    /// <summary>The train/validation split.</summary>
    Split = 1,

    /// <summary>Initial weights.</summary>
    Init = 2,

    /// <summary>The order of training rows in each epoch.</summary>
    Shuffle = 3,

    /// <summary>Dropout masks of the neural model.</summary>
    Dropout = 4,

    /// <summary>Negative items drawn by implicit-feedback training.</summary>
    Negatives = 5,

    /// <summary>The random sketch that merges an ensemble into one model.</summary>
    Merge = 6,

    /// <summary>Fast mode's dealing of users and items to the blocks of its rating grid.</summary>
    Grid = 7,

    /// <summary>The draws of the Bayesian factorization machine's Gibbs sampler.</summary>
    Gibbs = 8,
}
