using Collab.Numerics;

namespace Collab.Tests.Numerics;

public sealed class BlockedSpdInverseTests
{
    [Theory]
    [InlineData(1, 4)]
    [InlineData(7, 4)]      // one partial block
    [InlineData(150, 32)]   // several blocks, tiles of 64 with a tail, odd rows
    [InlineData(203, 256)]  // one block larger than the matrix
    public void The_blocked_sweep_inverse_matches_the_scalar_cholesky_inverse(int n, int block)
    {
        var random = new SeededRandom((ulong)n);
        // A = MᵀM + I with M n x n Gaussian: SPD with a spread of eigenvalues.
        var m = Enumerable.Range(0, n * n).Select(_ => random.NextGaussian()).ToArray();
        var a = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = i == j ? 1 : 0;
                for (int p = 0; p < n; p++)
                    sum += m[p * n + i] * m[p * n + j];
                a[i * n + j] = sum;
            }
        }
        var expected = SpdMatrix.Inverse(a, n);
        var lower = a.ToArray();
        BlockedSpdInverse.InvertLower(lower, n, new ParallelOptions(), block);
        double scale = expected.Max(Math.Abs);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
                Assert.True(Math.Abs(expected[i * n + j] - lower[i * n + j]) <= 1e-8 * scale, $"({i}, {j}): {lower[i * n + j]} vs {expected[i * n + j]}");
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(37)]
    [InlineData(256)]
    public void The_wide_and_portable_tile_kernels_agree_with_plain_dot_products(int b)
    {
        var random = new SeededRandom((ulong)b + 100);
        double[] Draw(int n) => [.. Enumerable.Range(0, n).Select(_ => random.NextGaussian())];
        var (u0, u1, q) = (Draw(b), Draw(b), Draw(4 * b));
        var start = Draw(8);
        double[] Run(bool wide)
        {
            var c = start.ToArray();
            if (wide && System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated)
                BlockedSpdInverse.Dot2x4Wide(u0, u1, q, b, c.AsSpan(0, 4), c.AsSpan(4, 4));
            else
                BlockedSpdInverse.Dot2x4(u0, u1, q, b, c.AsSpan(0, 4), c.AsSpan(4, 4));
            return c;
        }
        var (portable, wide) = (Run(false), Run(true));
        for (int r = 0; r < 2; r++)
        {
            for (int j = 0; j < 4; j++)
            {
                double expected = start[r * 4 + j] - Enumerable.Range(0, b).Sum(p => (r == 0 ? u0 : u1)[p] * q[j * b + p]);
                Assert.Equal(expected, portable[r * 4 + j], 1e-9);
                Assert.Equal(expected, wide[r * 4 + j], 1e-9);
            }
        }
    }
}
