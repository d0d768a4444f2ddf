namespace Collab.Persistence;

/// <summary>One row of the saved epoch table.</summary>
public sealed record EpochSummary(int Epoch, double TrainLoss, double ValidLoss, double Seconds);
