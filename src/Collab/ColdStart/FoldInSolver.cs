using Collab.Numerics;

namespace Collab.ColdStart;

/// <summary>
/// Fits θ = (factors, bias) of one new row against frozen rows: minimises
/// Σ (ŷ(θ·wᵢ + bᵢ) − rᵢ)² + λ·(θ − μ)ᵀ P (θ − μ), where wᵢ = (factors of row i, 1), ŷ is the output range's
/// scaled sigmoid, and (μ, P) the prior. With no ratings the answer is μ.
/// </summary>
internal static class FoldInSolver
{
    private const double Edge = 1e-3;

    public static LatentRow Solve(FrozenTables frozen, ReadOnlySpan<int> rows, ReadOnlySpan<float> ratings, RowPrior prior, FoldInOptions options)
    {
        if (rows.Length == 0)
            return prior.Mean;
        var theta = LogitLeastSquares(frozen, rows, ratings, prior, options.PriorWeight);
        if (options.Method == FoldInMethod.DampedNewton && frozen.Range is not null)
            DampedNewton(frozen, rows, ratings, prior, options, theta);
        return LatentRow.FromVector(theta);
    }

    /// <summary>Ridge regression of logit((r − low)/width) − bᵢ on wᵢ, each weighted by the squared slope of the sigmoid there.</summary>
    private static double[] LogitLeastSquares(FrozenTables frozen, ReadOnlySpan<int> rows, ReadOnlySpan<float> ratings, RowPrior prior, double lambda)
    {
        int n = frozen.K + 1;
        var hessian = PriorHessian(prior, lambda, out var rhs);
        var w = new double[n];
        for (int j = 0; j < rows.Length; j++)
        {
            frozen.Design(rows[j], w);
            double target, weight;
            if (frozen.Range is { } range)
            {
                double p = Math.Clamp((ratings[j] - range.Low) / range.Width, Edge, 1 - Edge);
                target = Math.Log(p / (1 - p));
                double slope = range.Width * p * (1 - p);
                weight = slope * slope;
            }
            else
            {
                target = ratings[j];
                weight = 1;
            }
            target -= frozen.Biases[rows[j]];
            SpdMatrix.AddOuter(hessian, n, w, weight);
            for (int i = 0; i < n; i++)
                rhs[i] += weight * target * w[i];
        }
        SpdMatrix.SolveCopy(hessian, n, rhs);
        return rhs;
    }

    /// <summary>Levenberg-Marquardt on the true loss, from <paramref name="theta"/> (updated in place).</summary>
    private static void DampedNewton(FrozenTables frozen, ReadOnlySpan<int> rows, ReadOnlySpan<float> ratings, RowPrior prior, FoldInOptions options, double[] theta)
    {
        int n = frozen.K + 1;
        var range = frozen.Range!.Value;
        var mu = new double[n];
        prior.Mean.CopyTo(mu);
        var w = new double[n];
        var step = new double[n];
        var candidate = new double[n];
        var offset = new double[n];
        double damping = 1e-3;
        double loss = Loss(frozen, rows, ratings, prior, options.PriorWeight, theta, mu, offset);
        for (int iteration = 0; iteration < options.MaxIterations; iteration++)
        {
            var hessian = new double[n * n];
            prior.Precision.CopyTo(hessian);
            for (int i = 0; i < hessian.Length; i++)
                hessian[i] *= options.PriorWeight;
            for (int i = 0; i < n; i++)
                offset[i] = theta[i] - mu[i];
            SpdMatrix.Multiply(hessian, n, offset, step);
            for (int j = 0; j < rows.Length; j++)
            {
                frozen.Design(rows[j], w);
                double s = Sigmoid(Dot(theta, w) + frozen.Biases[rows[j]]);
                double slope = range.Width * s * (1 - s);
                double error = range.Low + range.Width * s - ratings[j];
                SpdMatrix.AddOuter(hessian, n, w, slope * slope);
                for (int i = 0; i < n; i++)
                    step[i] += slope * error * w[i];
            }
            for (int i = 0; i < n; i++)
            {
                step[i] = -step[i];
                hessian[i * n + i] *= 1 + damping;
            }
            SpdMatrix.SolveCopy(hessian, n, step);
            for (int i = 0; i < n; i++)
                candidate[i] = theta[i] + step[i];
            double candidateLoss = Loss(frozen, rows, ratings, prior, options.PriorWeight, candidate, mu, offset);
            if (candidateLoss <= loss)
            {
                candidate.CopyTo(theta, 0);
                bool converged = loss - candidateLoss <= 1e-9 * (1 + loss);
                loss = candidateLoss;
                damping = Math.Max(damping / 4, 1e-9);
                if (converged)
                    return;
            }
            else
            {
                damping *= 8;
            }
        }
    }

    private static double Loss(FrozenTables frozen, ReadOnlySpan<int> rows, ReadOnlySpan<float> ratings, RowPrior prior, double lambda, double[] theta, double[] mu, double[] scratch)
    {
        var range = frozen.Range!.Value;
        int k = frozen.K;
        double total = 0;
        for (int j = 0; j < rows.Length; j++)
        {
            double raw = frozen.Biases[rows[j]] + theta[k];
            for (int f = 0; f < k; f++)
                raw += theta[f] * frozen.Factors[rows[j] * k + f];
            double error = range.Low + range.Width * Sigmoid(raw) - ratings[j];
            total += error * error;
        }
        for (int i = 0; i <= k; i++)
            scratch[i] = theta[i] - mu[i];
        return total + lambda * SpdMatrix.Quadratic(prior.Precision, k + 1, scratch);
    }

    private static double[] PriorHessian(RowPrior prior, double lambda, out double[] rhs)
    {
        int n = prior.Dimension;
        var hessian = new double[n * n];
        for (int i = 0; i < hessian.Length; i++)
            hessian[i] = lambda * prior.Precision[i];
        var mu = new double[n];
        prior.Mean.CopyTo(mu);
        rhs = new double[n];
        SpdMatrix.Multiply(hessian, n, mu, rhs);
        return hessian;
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static double Dot(double[] theta, double[] w)
    {
        double sum = 0;
        for (int i = 0; i < w.Length; i++)
            sum += theta[i] * w[i];
        return sum;
    }
}
