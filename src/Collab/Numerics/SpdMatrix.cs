namespace Collab.Numerics;

/// <summary>
/// Small dense symmetric positive-definite matrices (n x n, row-major <c>double[]</c>): Cholesky factor,
/// solve and inverse. Fold-in and the questionnaire work in (factors + 1) dimensions, so n is about 50.
/// </summary>
internal static class SpdMatrix
{
    /// <summary>Factors <paramref name="a"/> in place into its lower Cholesky factor; false when not positive definite.</summary>
    public static bool TryFactor(Span<double> a, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double diagonal = a[j * n + j];
            for (int p = 0; p < j; p++)
                diagonal -= a[j * n + p] * a[j * n + p];
            if (!(diagonal > 0))
                return false;
            double root = Math.Sqrt(diagonal);
            a[j * n + j] = root;
            for (int i = j + 1; i < n; i++)
            {
                double sum = a[i * n + j];
                for (int p = 0; p < j; p++)
                    sum -= a[i * n + p] * a[j * n + p];
                a[i * n + j] = sum / root;
            }
        }
        return true;
    }

    /// <summary>Solves L·Lᵀ·x = b in place, given the factor from <see cref="TryFactor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> factor, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int p = 0; p < i; p++)
                sum -= factor[i * n + p] * b[p];
            b[i] = sum / factor[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int p = i + 1; p < n; p++)
                sum -= factor[p * n + i] * b[p];
            b[i] = sum / factor[i * n + i];
        }
    }

    /// <summary>Solves a·x = b in place (a is copied), adding a tiny ridge when a is only semi-definite.</summary>
    public static void SolveCopy(ReadOnlySpan<double> a, int n, Span<double> b) => Solve(Factor(a, n), n, b);

    /// <summary>The inverse of a (a is copied).</summary>
    public static double[] Inverse(ReadOnlySpan<double> a, int n)
    {
        var factor = Factor(a, n);
        var inverse = new double[n * n];
        var column = new double[n];
        for (int j = 0; j < n; j++)
        {
            Array.Clear(column);
            column[j] = 1;
            Solve(factor, n, column);
            for (int i = 0; i < n; i++)
                inverse[i * n + j] = column[i];
        }
        return inverse;
    }

    /// <summary>xᵀ·a·x.</summary>
    public static double Quadratic(ReadOnlySpan<double> a, int n, ReadOnlySpan<double> x)
    {
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double row = 0;
            for (int j = 0; j < n; j++)
                row += a[i * n + j] * x[j];
            total += x[i] * row;
        }
        return total;
    }

    /// <summary>y = a·x.</summary>
    public static void Multiply(ReadOnlySpan<double> a, int n, ReadOnlySpan<double> x, Span<double> y)
    {
        for (int i = 0; i < n; i++)
        {
            double row = 0;
            for (int j = 0; j < n; j++)
                row += a[i * n + j] * x[j];
            y[i] = row;
        }
    }

    /// <summary>a += weight·x·xᵀ.</summary>
    public static void AddOuter(Span<double> a, int n, ReadOnlySpan<double> x, double weight)
    {
        for (int i = 0; i < n; i++)
        {
            double scaled = weight * x[i];
            for (int j = 0; j < n; j++)
                a[i * n + j] += scaled * x[j];
        }
    }

    /// <summary>The Cholesky factor of a copy of a, adding a tiny ridge when a is only semi-definite.</summary>
    public static double[] Factor(ReadOnlySpan<double> a, int n)
    {
        double trace = 0;
        for (int i = 0; i < n; i++)
            trace += Math.Abs(a[i * n + i]);
        double jitter = 0;
        var factor = new double[n * n];
        for (int attempt = 0; attempt < 12; attempt++)
        {
            a.CopyTo(factor);
            for (int i = 0; i < n; i++)
                factor[i * n + i] += jitter;
            if (TryFactor(factor, n))
                return factor;
            jitter = jitter == 0 ? 1e-10 * (trace / n + 1e-30) : jitter * 100;
        }
        throw new InvalidOperationException("The matrix is not positive definite, even with a ridge added.");
    }
}
