namespace Collab.Evaluation.Metrics;

/// <summary>A running sum of squared errors.</summary>
internal struct ErrorSum
{
    public double Squares;
    public int Count;

    public void Add(double error)
    {
        Squares += error * error;
        Count++;
    }

    public readonly double Rmse => Count == 0 ? double.NaN : Math.Sqrt(Squares / Count);
}
