using System.Numerics.Tensors;

namespace Collab.Models.Merging;

/// <summary>
/// Orthonormal columns for the range of a tall matrix (rows × cols, row-major, float) by Cholesky-QR: the Gram
/// matrix YᵀY = LLᵀ, Q = Y·L⁻ᵀ. A column whose pivot is lost in single-precision rounding depends on the ones before
/// it and is dropped (so a rank-deficient Y gives fewer columns). Applied twice (Cholesky-QR2, Fukaya et al. 2014)
/// because one pass squares the condition number.
/// </summary>
internal static class RangeBasis
{
    private const double RelativeCutoff = 1e-6;

    public static (float[] Basis, int Columns) Of(float[] y, int rows, int cols)
    {
        var (once, width) = Pass(y, rows, cols);
        return Pass(once, rows, width);
    }

    /// <summary>YᵀY in double, from float columns.</summary>
    public static double[,] Gram(float[] y, int rows, int cols)
    {
        var columns = Columns(y, rows, cols);
        var gram = new double[cols, cols];
        Parallel.For(0, cols, a =>
        {
            for (int b = 0; b <= a; b++)
                gram[a, b] = gram[b, a] = TensorPrimitives.Dot(columns[a], columns[b]);
        });
        return gram;
    }

    /// <summary>(rows × outCols) = Y · M for a small double matrix M (cols × outCols).</summary>
    public static float[] Times(float[] y, int rows, int cols, double[,] m, int outCols)
    {
        var mT = new float[outCols * cols];
        for (int c = 0; c < outCols; c++)
        {
            for (int k = 0; k < cols; k++)
                mT[c * cols + k] = (float)m[k, c];
        }
        var result = new float[rows * outCols];
        Parallel.For(0, rows, row =>
        {
            var source = y.AsSpan(row * cols, cols);
            for (int c = 0; c < outCols; c++)
                result[row * outCols + c] = TensorPrimitives.Dot(source, mT.AsSpan(c * cols, cols));
        });
        return result;
    }

    private static (float[] Basis, int Columns) Pass(float[] y, int rows, int cols)
    {
        var gram = Gram(y, rows, cols);
        double largest = Enumerable.Range(0, cols).Max(c => gram[c, c]);
        var kept = new List<int>(cols);
        var lower = new double[cols, cols];
        var row = new double[cols];
        for (int c = 0; c < cols; c++)
        {
            double pivot = gram[c, c];
            for (int a = 0; a < kept.Count; a++)
            {
                double sum = gram[c, kept[a]];
                for (int b = 0; b < a; b++)
                    sum -= row[b] * lower[a, b];
                row[a] = sum / lower[a, a];
                pivot -= row[a] * row[a];
            }
            if (!(pivot > RelativeCutoff * largest))
                continue;
            int n = kept.Count;
            for (int a = 0; a < n; a++)
                lower[n, a] = row[a];
            lower[n, n] = Math.Sqrt(pivot);
            kept.Add(c);
        }
        // Q = Y_kept·L⁻ᵀ: column j of Q mixes the kept columns of Y with row j of L⁻¹.
        var inverse = InverseLower(lower, kept.Count);
        var mix = new double[cols, kept.Count];
        for (int j = 0; j < kept.Count; j++)
        {
            for (int a = 0; a <= j; a++)
                mix[kept[a], j] = inverse[j, a];
        }
        return (Times(y, rows, cols, mix, kept.Count), kept.Count);
    }

    private static double[,] InverseLower(double[,] lower, int n)
    {
        var inverse = new double[n, n];
        for (int c = 0; c < n; c++)
        {
            inverse[c, c] = 1 / lower[c, c];
            for (int r = c + 1; r < n; r++)
            {
                double sum = 0;
                for (int k = c; k < r; k++)
                    sum -= lower[r, k] * inverse[k, c];
                inverse[r, c] = sum / lower[r, r];
            }
        }
        return inverse;
    }

    private static float[][] Columns(float[] y, int rows, int cols)
    {
        var columns = new float[cols][];
        for (int c = 0; c < cols; c++)
        {
            var column = new float[rows];
            for (int r = 0; r < rows; r++)
                column[r] = y[r * cols + c];
            columns[c] = column;
        }
        return columns;
    }
}
