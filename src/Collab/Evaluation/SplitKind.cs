namespace Collab.Evaluation;

/// <summary>How held-out rows are chosen.</summary>
public enum SplitKind
{
    /// <summary>Random rows (fastai's splitter).</summary>
    Random,

    /// <summary>A global cut in time: the latest rows.</summary>
    Time,

    /// <summary>Each user's latest rows (leave-last-out).</summary>
    LastOut,

    /// <summary>All rows of random users (cold start).</summary>
    User,

    /// <summary>k-fold cross-validation over rows.</summary>
    KFold,

    /// <summary>A random share of each user's rows (Microsoft Recommenders' stratified split).</summary>
    Stratified,
}
