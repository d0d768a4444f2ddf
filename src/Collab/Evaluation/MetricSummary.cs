namespace Collab.Evaluation;

/// <summary>One metric's values over the runs (folds × seeds), with their mean and sample standard deviation.</summary>
public sealed record MetricSummary(string Name, IReadOnlyList<double> Values)
{
    /// <summary>The mean over runs (NaN when the metric does not apply).</summary>
    public double Mean => Values.Count == 0 ? double.NaN : Values.Average();

    /// <summary>The sample standard deviation (n − 1 in the denominator); NaN with fewer than two runs.</summary>
    public double StdDev
    {
        get
        {
            if (Values.Count < 2)
                return double.NaN;
            double mean = Mean;
            return Math.Sqrt(Values.Sum(v => (v - mean) * (v - mean)) / (Values.Count - 1));
        }
    }
}
