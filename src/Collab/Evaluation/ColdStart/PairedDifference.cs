namespace Collab.Evaluation.ColdStart;

/// <summary>
/// The spread of a difference in pooled RMSE between two ways of revealing ratings to the same users: each user
/// contributes d = (their squared errors one way) − (the other way), users are taken as independent, so the
/// difference in mean squared error Σd / N (N test ratings) has standard error √(U·var d) / N, and the RMSE
/// difference, to first order, that divided by the sum of the two RMSEs.
/// </summary>
internal sealed class PairedDifference
{
    private double _sum;
    private double _squares;
    private int _users;

    /// <summary>Adds one user's sums of squared errors under the two choices.</summary>
    public void Add(double squaresA, double squaresB)
    {
        double d = squaresA - squaresB;
        _sum += d;
        _squares += d * d;
        _users++;
    }

    /// <summary>The standard error of RMSE(A) − RMSE(B) over <paramref name="testRatings"/> pooled test ratings.</summary>
    public double RmseStandardError(int testRatings, double rmseA, double rmseB)
    {
        if (_users < 2 || testRatings == 0 || !(rmseA + rmseB > 0))
            return double.NaN;
        double mean = _sum / _users;
        double variance = Math.Max(0, (_squares - _users * mean * mean) / (_users - 1));
        return Math.Sqrt(_users * variance) / testRatings / (rmseA + rmseB);
    }
}
