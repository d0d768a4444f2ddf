namespace Collab.Training;

/// <summary>How each epoch draws its training rows.</summary>
public enum RowSampling
{
    /// <summary>A seeded permutation: every training row exactly once per epoch (Collab's default).</summary>
    Permutation,

    /// <summary>
    /// Rows drawn uniformly with replacement, as many as there are training rows: some twice, about a third not at
    /// all in a given epoch. This is what fastai 2.7.18's collaborative-filtering loader does.
    /// </summary>
    WithReplacement,
}
