namespace Collab.Tuning;

/// <summary>The protocol and limits of a search.</summary>
public sealed record TunerOptions
{
    /// <summary>Wall-clock budget; the trial running when it ends is finished. <value>Default: 10 minutes.</value></summary>
    public TimeSpan Budget { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Most trials in the state (resumed ones included). <value>Default: unlimited.</value></summary>
    public int MaxTrials { get; init; } = int.MaxValue;

    /// <summary>Folds of cross-validation over the training rows. <value>Default: 5.</value></summary>
    public int Folds { get; init; } = 5;

    /// <summary>Share of rows held out before the search (the split a final report uses). <value>Default: 0.2.</value></summary>
    public double HoldoutPct { get; init; } = CollabDefaults.ValidPct;

    /// <summary>Seed of the held-out split, the folds and the draws. <value>Default: 42.</value></summary>
    public ulong Seed { get; init; } = CollabDefaults.Seed;

    /// <summary>Where the draws come from.</summary>
    public TuningSpace Space { get; init; } = new();
}
