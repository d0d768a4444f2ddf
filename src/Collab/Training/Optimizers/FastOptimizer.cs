namespace Collab.Training.Optimizers;

/// <summary>The row update fast mode applies to the rows a rating or batch touches.</summary>
public enum FastOptimizer
{
    /// <summary>
    /// Row-wise RMSprop, one step per rating, over a cache-blocked grid of the ratings on all cores: one second moment
    /// per row, no momentum; the fastest, and as accurate as exact mode (docs/training-modes.md).
    /// </summary>
    RowRms,

    /// <summary>Lazy Adam: Adam's per-element moments, updated per batch only on touched rows; equals exact mode for a row touched at every step.</summary>
    LazyAdam,
}
