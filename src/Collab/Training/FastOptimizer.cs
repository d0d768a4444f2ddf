namespace Collab.Training;

/// <summary>The row update fast mode applies to the rows a batch touches.</summary>
public enum FastOptimizer
{
    /// <summary>Row-wise RMSprop: one second moment per row, no momentum; the fastest, and as accurate as exact mode.</summary>
    RowRms,

    /// <summary>Lazy Adam: Adam's per-element moments, updated only on touched rows; equals exact mode for a row touched at every step.</summary>
    LazyAdam,
}
