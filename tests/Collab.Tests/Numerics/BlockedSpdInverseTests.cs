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
}
