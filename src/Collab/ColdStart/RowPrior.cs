using Collab.Numerics;
using Collab.Persistence;

namespace Collab.ColdStart;

/// <summary>
/// What is believed about a row before (or besides) its ratings: a Gaussian over (factors, bias) with a
/// mean and a precision matrix. The population prior is the mean and covariance of the trained rows;
/// a metadata model moves the mean to its prediction and narrows the spread to its residuals. Fold-in
/// pulls towards the mean with this precision, so with no ratings a row is the prior mean and every rating
/// moves it towards the data: the blend from metadata to fold-in.
/// </summary>
public sealed class RowPrior
{
    private readonly double[] _precision;

    internal RowPrior(LatentRow mean, double[] precision)
    {
        Mean = mean;
        _precision = precision;
    }

    /// <summary>The expected row.</summary>
    public LatentRow Mean { get; }

    /// <summary>Factors + 1 (the bias).</summary>
    public int Dimension => Mean.FactorCount + 1;

    /// <summary>The precision (inverse covariance) over (factors..., bias), row-major.</summary>
    internal ReadOnlySpan<double> Precision => _precision;

    /// <summary>The mean and spread of the trained users' rows (users with at least one training rating).</summary>
    public static RowPrior ForUsers(TrainedModel trained)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var counts = trained.Stats.UserCounts.ToArray();
        return FromRows(trained.FactorsFor("Fold-in").UserFactors.Values, trained.FactorsFor("Fold-in").UserBias.Values, trained.FactorsFor("Fold-in").Factors, counts);
    }

    /// <summary>The mean and spread of the trained items' rows (items with at least one training rating).</summary>
    public static RowPrior ForItems(TrainedModel trained)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var counts = trained.Stats.ItemCounts.ToArray();
        return FromRows(trained.FactorsFor("Fold-in").ItemFactors.Values, trained.FactorsFor("Fold-in").ItemBias.Values, trained.FactorsFor("Fold-in").Factors, counts);
    }

    /// <summary>The same spread around another mean (for example a metadata model's prediction).</summary>
    public RowPrior WithMean(LatentRow mean)
    {
        ArgumentNullException.ThrowIfNull(mean);
        if (mean.FactorCount != Mean.FactorCount)
            throw new ArgumentException($"The mean has {mean.FactorCount} factors; this prior has {Mean.FactorCount}.", nameof(mean));
        return new RowPrior(mean, _precision);
    }

    /// <summary>
    /// A prior that holds the factors at this prior's mean and lets only the bias move: fold-in with it fits a
    /// bias alone (the bias-only comparison of the cold-start protocols).
    /// </summary>
    public RowPrior BiasOnly()
    {
        int n = Dimension;
        var precision = new double[n * n];
        for (int f = 0; f < n - 1; f++)
            precision[f * n + f] = 1e9;
        precision[n * n - 1] = _precision[n * n - 1];
        return new RowPrior(Mean, precision);
    }

    /// <summary>The Gaussian fitted to the rows whose weight is positive, each row weighted by it.</summary>
    internal static RowPrior FromRows(ReadOnlySpan<float> factors, ReadOnlySpan<float> biases, int k, ReadOnlySpan<int> weights)
    {
        int n = k + 1;
        var mean = new double[n];
        var row = new double[n];
        double total = 0;
        for (int r = 0; r < biases.Length; r++)
        {
            if (weights[r] <= 0)
                continue;
            Read(factors, biases, k, r, row);
            for (int j = 0; j < n; j++)
                mean[j] += row[j];
            total++;
        }
        if (total < 2)
            throw new ArgumentException("A prior needs at least two trained rows.");
        for (int j = 0; j < n; j++)
            mean[j] /= total;
        var covariance = new double[n * n];
        for (int r = 0; r < biases.Length; r++)
        {
            if (weights[r] <= 0)
                continue;
            Read(factors, biases, k, r, row);
            for (int j = 0; j < n; j++)
                row[j] -= mean[j];
            SpdMatrix.AddOuter(covariance, n, row, 1 / (total - 1));
        }
        return new RowPrior(LatentRow.FromVector(mean), PrecisionOf(covariance, n));
    }

    /// <summary>Inverts a covariance after a small ridge (1e-3 of the mean variance) that keeps it well conditioned.</summary>
    internal static double[] PrecisionOf(double[] covariance, int n)
    {
        double trace = 0;
        for (int j = 0; j < n; j++)
            trace += covariance[j * n + j];
        var ridged = (double[])covariance.Clone();
        for (int j = 0; j < n; j++)
            ridged[j * n + j] += 1e-3 * trace / n + 1e-12;
        return SpdMatrix.Inverse(ridged, n);
    }

    private static void Read(ReadOnlySpan<float> factors, ReadOnlySpan<float> biases, int k, int r, Span<double> row)
    {
        for (int f = 0; f < k; f++)
            row[f] = factors[r * k + f];
        row[k] = biases[r];
    }
}
