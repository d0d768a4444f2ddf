namespace Collab.Training.Bayesian;

/// <summary>
/// Progress of the Gibbs chain after one sweep: the sample's training RMSE, how many samples the model keeps so far,
/// and the validation RMSE of their averaged prediction (NaN during the burn-in or without validation rows).
/// </summary>
public sealed record GibbsSweep(int Sweep, int Sweeps, int Kept, double TrainRmse, double ValidRmse, double NoiseStd, double Seconds);
