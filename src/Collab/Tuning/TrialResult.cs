namespace Collab.Tuning;

/// <summary>One evaluated point: its settings, the validation RMSE of each fold, their mean and sample spread.</summary>
public sealed record TrialResult(int Index, TrialSettings Settings, IReadOnlyList<double> FoldRmse, double Seconds)
{
    /// <summary>Mean RMSE over the folds.</summary>
    public double Mean => FoldRmse.Average();

    /// <summary>Sample standard deviation over the folds (0 with one fold).</summary>
    public double Std => FoldRmse.Count < 2 ? 0 : Math.Sqrt(FoldRmse.Sum(x => (x - Mean) * (x - Mean)) / (FoldRmse.Count - 1));
}
