namespace Collab.Numerics;

/// <summary>
/// Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic Jacobi method: plane rotations zero
/// the off-diagonal entries until they are negligible. Exact to rounding and unconditionally stable, which is
/// all PCA of a k x k covariance (k ≈ 50) needs; O(k³) per sweep and a handful of sweeps.
/// </summary>
internal static class SymmetricEigen
{
    private const int MaxSweeps = 100;

    /// <summary>Returns eigenvalues in descending order and the matching unit eigenvectors as columns.</summary>
    public static (double[] Values, double[,] Vectors) Decompose(double[,] matrix)
    {
        int n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var v = new double[n, n];
        for (int i = 0; i < n; i++)
            v[i, i] = 1;
        double scale = 0;
        foreach (var x in a)
            scale = Math.Max(scale, Math.Abs(x));
        for (int sweep = 0; sweep < MaxSweeps && OffDiagonal(a) > 1e-30 * (1 + scale * scale); sweep++)
        {
            for (int p = 0; p < n - 1; p++)
            {
                for (int q = p + 1; q < n; q++)
                    Rotate(a, v, p, q);
            }
        }
        var order = Enumerable.Range(0, n).OrderByDescending(i => a[i, i]).ToArray();
        var values = order.Select(i => a[i, i]).ToArray();
        var vectors = new double[n, n];
        for (int c = 0; c < n; c++)
        {
            for (int r = 0; r < n; r++)
                vectors[r, c] = v[r, order[c]];
        }
        return (values, vectors);
    }

    private static double OffDiagonal(double[,] a)
    {
        double sum = 0;
        int n = a.GetLength(0);
        for (int p = 0; p < n; p++)
        {
            for (int q = p + 1; q < n; q++)
                sum += a[p, q] * a[p, q];
        }
        return sum;
    }

    // One Jacobi rotation in the (p, q) plane chosen to zero a[p, q] (Golub & Van Loan, Algorithm 8.5.1).
    private static void Rotate(double[,] a, double[,] v, int p, int q)
    {
        double apq = a[p, q];
        if (apq == 0)
            return;
        double theta = (a[q, q] - a[p, p]) / (2 * apq);
        double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        double c = 1 / Math.Sqrt(t * t + 1);
        double s = t * c;
        int n = a.GetLength(0);
        for (int k = 0; k < n; k++)
        {
            double akp = a[k, p];
            double akq = a[k, q];
            a[k, p] = c * akp - s * akq;
            a[k, q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[p, k];
            double aqk = a[q, k];
            a[p, k] = c * apk - s * aqk;
            a[q, k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++)
        {
            double vkp = v[k, p];
            double vkq = v[k, q];
            v[k, p] = c * vkp - s * vkq;
            v[k, q] = s * vkp + c * vkq;
        }
    }
}
