namespace Collab.Training;

/// <summary>
/// One row of the epoch table: the smoothed training loss (fastai's printed train_loss), the exact validation
/// MSE (NaN without validation rows) and the epoch's wall time.
/// </summary>
public sealed record EpochResult(int Epoch, double TrainLoss, double ValidLoss, TimeSpan Elapsed);
