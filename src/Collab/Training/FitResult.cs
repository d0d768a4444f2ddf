namespace Collab.Training;

/// <summary>What a fit did: the epoch table, whether it was stopped early, and how long it took.</summary>
public sealed record FitResult(IReadOnlyList<EpochResult> Epochs, bool Stopped, int BatchesTrained, TimeSpan Elapsed);
