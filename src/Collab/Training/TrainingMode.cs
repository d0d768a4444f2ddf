namespace Collab.Training;

/// <summary>How the optimizer updates the tables.</summary>
public enum TrainingMode
{
    /// <summary>fastai's semantics: dense Adam over every row of every table at every step (untouched rows' steps deferred, same maths).</summary>
    Exact,

    /// <summary>Only the rows a batch touches are updated, on all cores (see docs/training-modes.md).</summary>
    Fast,
}
