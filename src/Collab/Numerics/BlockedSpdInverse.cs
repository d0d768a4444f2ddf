using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Collab.Numerics;

/// <summary>
/// The inverse of a large dense symmetric positive-definite matrix (n x n, row-major <c>double[]</c>, only the lower
/// triangle read and written) by the blocked sweep operator (Gauss-Jordan without pivoting, stable for SPD
/// matrices): n³ flops, the same count as Cholesky + triangular inverse + product, but one kernel. Each block step
/// gathers the pivot block's column panel Q (n x b), inverts the b x b pivot D = A_kk⁻¹, forms U = Q·D and updates
/// the lower triangle A_ij −= U_i·Q_jᵀ in tiles on all cores; after every block is swept the matrix holds −A⁻¹.
/// <see cref="SpdMatrix"/> stays the reference for small n.
/// </summary>
internal static class BlockedSpdInverse
{
    /// <summary>Columns per sweep step: the panels (n x 256 doubles) stay in cache tile by tile.</summary>
    public const int DefaultBlock = 256;

    private const int Tile = 64;

    /// <summary>Overwrites the lower triangle of <paramref name="a"/> with the lower triangle of a⁻¹ (the upper triangle is scratch).</summary>
    public static void InvertLower(double[] a, int n, ParallelOptions parallel, int block = DefaultBlock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(a.Length, n * n);
        var q = new double[n * block];
        var u = new double[n * block];
        var tiles = (n + Tile - 1) / Tile;
        var pairs = new (int I, int J)[tiles * (tiles + 1) / 2];
        for (int i = 0, p = 0; i < tiles; i++)
        {
            for (int j = 0; j <= i; j++)
                pairs[p++] = (i, j);
        }
        for (int ks = 0; ks < n; ks += block)
        {
            parallel.CancellationToken.ThrowIfCancellationRequested();
            int b = Math.Min(block, n - ks), ke = ks + b;
            Gather(a, n, ks, b, q, parallel);
            var pivot = new double[b * b];
            for (int r = 0; r < b; r++)
            {
                for (int c = 0; c <= r; c++)
                    pivot[r * b + c] = pivot[c * b + r] = a[(ks + r) * n + ks + c];
            }
            var d = SpdMatrix.Inverse(pivot, b);
            Parallel.For(0, n, parallel, i =>
            {
                var ui = u.AsSpan(i * b, b);
                ui.Clear();
                if (i >= ks && i < ke)
                    return;
                var qi = q.AsSpan(i * b, b);
                for (int c = 0; c < b; c++)
                {
                    if (qi[c] != 0)
                        TensorPrimitives.MultiplyAdd(d.AsSpan(c * b, b), qi[c], ui, ui);
                }
            });
            Parallel.For(0, pairs.Length, parallel, p =>
            {
                var (ti, tj) = pairs[p];
                UpdateTile(a, n, u, q, b, ti * Tile, Math.Min(n, (ti + 1) * Tile), tj * Tile, Math.Min(n, (tj + 1) * Tile));
            });
            // A_ik ← U_i (in lower storage), A_kk ← −D.
            Parallel.For(0, n, parallel, i =>
            {
                if (i >= ks && i < ke)
                    return;
                var ui = u.AsSpan(i * b, b);
                if (i >= ke)
                    ui.CopyTo(a.AsSpan(i * n + ks, b));
                else
                {
                    for (int c = 0; c < b; c++)
                        a[(ks + c) * n + i] = ui[c];
                }
            });
            for (int r = 0; r < b; r++)
            {
                for (int c = 0; c <= r; c++)
                    a[(ks + r) * n + ks + c] = -d[r * b + c];
            }
        }
        // The sweep leaves −A⁻¹.
        Parallel.For(0, n, parallel, i => TensorPrimitives.Negate(a.AsSpan(i * n, i + 1), a.AsSpan(i * n, i + 1)));
    }

    /// <summary>Q[i, c] = A[i, ks + c] from the lower triangle (zero for the pivot rows).</summary>
    private static void Gather(double[] a, int n, int ks, int b, double[] q, ParallelOptions parallel) =>
        Parallel.For(0, n, parallel, i =>
        {
            var qi = q.AsSpan(i * b, b);
            if (i >= ks + b)
                a.AsSpan(i * n + ks, b).CopyTo(qi);
            else if (i < ks)
            {
                for (int c = 0; c < b; c++)
                    qi[c] = a[(ks + c) * n + i];
            }
            else
                qi.Clear();
        });

    /// <summary>A[i, j] −= U_i·Q_j for i in [i0, i1), j in [j0, j1) (a diagonal tile also writes the scratch upper half).</summary>
    internal static void UpdateTile(double[] a, int n, double[] u, double[] q, int b, int i0, int i1, int j0, int j1)
    {
        int i = i0;
        for (; i + 1 < i1; i += 2)
        {
            var u0 = u.AsSpan(i * b, b);
            var u1 = u.AsSpan((i + 1) * b, b);
            int j = j0;
            for (; j + 3 < j1; j += 4)
            {
                if (Vector512.IsHardwareAccelerated)
                    Dot2x4Wide(u0, u1, q.AsSpan(j * b, 4 * b), b, a.AsSpan(i * n + j, 4), a.AsSpan((i + 1) * n + j, 4));
                else
                    Dot2x4(u0, u1, q.AsSpan(j * b, 4 * b), b, a.AsSpan(i * n + j, 4), a.AsSpan((i + 1) * n + j, 4));
            }
            for (; j < j1; j++)
            {
                var qj = q.AsSpan(j * b, b);
                a[i * n + j] -= TensorPrimitives.Dot(u0, qj);
                a[(i + 1) * n + j] -= TensorPrimitives.Dot(u1, qj);
            }
        }
        for (; i < i1; i++)
        {
            var ui = u.AsSpan(i * b, b);
            for (int j = j0; j < j1; j++)
                a[i * n + j] -= TensorPrimitives.Dot(ui, q.AsSpan(j * b, b));
        }
    }

    /// <summary>Eight dot products at once (two U rows by four Q rows), subtracted from two rows of four entries.</summary>
    internal static void Dot2x4(ReadOnlySpan<double> u0, ReadOnlySpan<double> u1, ReadOnlySpan<double> q, int b, Span<double> c0, Span<double> c1)
    {
        var q0 = q[..b];
        var q1 = q.Slice(b, b);
        var q2 = q.Slice(2 * b, b);
        var q3 = q.Slice(3 * b, b);
        int width = Vector<double>.Count, p = 0;
        Vector<double> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector<double> s10 = default, s11 = default, s12 = default, s13 = default;
        for (; p + width <= b; p += width)
        {
            var x0 = new Vector<double>(u0[p..]);
            var x1 = new Vector<double>(u1[p..]);
            var y0 = new Vector<double>(q0[p..]);
            var y1 = new Vector<double>(q1[p..]);
            var y2 = new Vector<double>(q2[p..]);
            var y3 = new Vector<double>(q3[p..]);
            s00 = Vector.FusedMultiplyAdd(x0, y0, s00);
            s01 = Vector.FusedMultiplyAdd(x0, y1, s01);
            s02 = Vector.FusedMultiplyAdd(x0, y2, s02);
            s03 = Vector.FusedMultiplyAdd(x0, y3, s03);
            s10 = Vector.FusedMultiplyAdd(x1, y0, s10);
            s11 = Vector.FusedMultiplyAdd(x1, y1, s11);
            s12 = Vector.FusedMultiplyAdd(x1, y2, s12);
            s13 = Vector.FusedMultiplyAdd(x1, y3, s13);
        }
        double t00 = Vector.Sum(s00), t01 = Vector.Sum(s01), t02 = Vector.Sum(s02), t03 = Vector.Sum(s03);
        double t10 = Vector.Sum(s10), t11 = Vector.Sum(s11), t12 = Vector.Sum(s12), t13 = Vector.Sum(s13);
        for (; p < b; p++)
        {
            t00 += u0[p] * q0[p]; t01 += u0[p] * q1[p]; t02 += u0[p] * q2[p]; t03 += u0[p] * q3[p];
            t10 += u1[p] * q0[p]; t11 += u1[p] * q1[p]; t12 += u1[p] * q2[p]; t13 += u1[p] * q3[p];
        }
        c0[0] -= t00; c0[1] -= t01; c0[2] -= t02; c0[3] -= t03;
        c1[0] -= t10; c1[1] -= t11; c1[2] -= t12; c1[3] -= t13;
    }

    /// <summary><see cref="Dot2x4"/> with 512-bit vectors (twice <see cref="Vector{T}"/>'s 256 bits where AVX-512 is present).</summary>
    internal static void Dot2x4Wide(ReadOnlySpan<double> u0, ReadOnlySpan<double> u1, ReadOnlySpan<double> q, int b, Span<double> c0, Span<double> c1)
    {
        var q0 = q[..b];
        var q1 = q.Slice(b, b);
        var q2 = q.Slice(2 * b, b);
        var q3 = q.Slice(3 * b, b);
        int width = Vector512<double>.Count, p = 0;
        Vector512<double> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector512<double> s10 = default, s11 = default, s12 = default, s13 = default;
        for (; p + width <= b; p += width)
        {
            var x0 = Vector512.Create(u0.Slice(p, width));
            var x1 = Vector512.Create(u1.Slice(p, width));
            var y0 = Vector512.Create(q0.Slice(p, width));
            var y1 = Vector512.Create(q1.Slice(p, width));
            var y2 = Vector512.Create(q2.Slice(p, width));
            var y3 = Vector512.Create(q3.Slice(p, width));
            s00 = Vector512.FusedMultiplyAdd(x0, y0, s00);
            s01 = Vector512.FusedMultiplyAdd(x0, y1, s01);
            s02 = Vector512.FusedMultiplyAdd(x0, y2, s02);
            s03 = Vector512.FusedMultiplyAdd(x0, y3, s03);
            s10 = Vector512.FusedMultiplyAdd(x1, y0, s10);
            s11 = Vector512.FusedMultiplyAdd(x1, y1, s11);
            s12 = Vector512.FusedMultiplyAdd(x1, y2, s12);
            s13 = Vector512.FusedMultiplyAdd(x1, y3, s13);
        }
        double t00 = Vector512.Sum(s00), t01 = Vector512.Sum(s01), t02 = Vector512.Sum(s02), t03 = Vector512.Sum(s03);
        double t10 = Vector512.Sum(s10), t11 = Vector512.Sum(s11), t12 = Vector512.Sum(s12), t13 = Vector512.Sum(s13);
        for (; p < b; p++)
        {
            t00 += u0[p] * q0[p]; t01 += u0[p] * q1[p]; t02 += u0[p] * q2[p]; t03 += u0[p] * q3[p];
            t10 += u1[p] * q0[p]; t11 += u1[p] * q1[p]; t12 += u1[p] * q2[p]; t13 += u1[p] * q3[p];
        }
        c0[0] -= t00; c0[1] -= t01; c0[2] -= t02; c0[3] -= t03;
        c1[0] -= t10; c1[1] -= t11; c1[2] -= t12; c1[3] -= t13;
    }
}
