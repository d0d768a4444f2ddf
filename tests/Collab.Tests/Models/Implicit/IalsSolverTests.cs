using Collab.Models.Implicit;
using Collab.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Collab.Tests.Models.Implicit;

/// <summary>One row's solve against a direct dense solve of A·x = b built the long way.</summary>
public sealed class IalsSolverTests
{
    private const int K = 8;
    private const int Items = 40;

    [Fact]
    public void The_exact_row_solve_matches_a_direct_dense_solve()
    {
        var (y, columns, confidences, gram, lambda) = Problem();
        var x = new float[K];
        IalsSolver.SolveExact(gram, lambda, y, columns, confidences, K, x);
        var expected = Direct(y, columns, confidences, lambda);
        for (int d = 0; d < K; d++)
            Assert.Equal(expected[d], x[d], 1e-5);
    }

    [Fact]
    public void K_conjugate_gradient_steps_solve_the_k_dimensional_system()
    {
        var (y, columns, confidences, gram, lambda) = Problem();
        var x = new float[K];
        IalsSolver.SolveConjugateGradient([.. gram.Select(g => (float)g)], (float)lambda, y, columns, confidences, K, K, x, new IalsScratch(K));
        Assert.InRange(RelativeError(Direct(y, columns, confidences, lambda), x), 0, 1e-3); // float arithmetic
    }

    [Fact]
    public void Three_warm_started_steps_at_least_halve_the_error_of_a_nearby_start()
    {
        var (y, columns, confidences, gram, lambda) = Problem();
        var expected = Direct(y, columns, confidences, lambda);
        var random = new SeededRandom(12);
        double norm = Math.Sqrt(expected.Sum(e => e * e));
        // The previous sweep's value: the solution plus a 20% perturbation.
        var x = expected.Select(e => (float)(e + 0.2 * norm / Math.Sqrt(K) * random.NextGaussian())).ToArray();
        double before = RelativeError(expected, x);
        IalsSolver.SolveConjugateGradient([.. gram.Select(g => (float)g)], (float)lambda, y, columns, confidences, K, 3, x, new IalsScratch(K));
        Assert.InRange(RelativeError(expected, x), 0, before / 2); // measured: 0.20 to 0.055 here
    }

    [Fact]
    public void More_conjugate_gradient_steps_never_move_away_from_the_solution()
    {
        var (y, columns, confidences, gram, lambda) = Problem();
        var expected = Direct(y, columns, confidences, lambda);
        double previous = double.MaxValue;
        for (int steps = 1; steps <= K; steps++)
        {
            var x = new float[K];
            IalsSolver.SolveConjugateGradient([.. gram.Select(g => (float)g)], (float)lambda, y, columns, confidences, K, steps, x, new IalsScratch(K));
            double error = expected.Select((e, d) => (e - x[d]) * (e - x[d])).Sum();
            Assert.True(error <= previous * (1 + 1e-6) + 1e-12, $"{steps} steps: error {error} after {previous}");
            previous = error;
        }
    }

    [Fact]
    public void The_gram_matrix_is_the_sum_of_outer_products()
    {
        var random = new SeededRandom(3);
        var y = Enumerable.Range(0, 2500 * 3).Select(_ => (float)random.NextGaussian()).ToArray();
        var gram = IalsSolver.Gram(y, 2500, 3, new ParallelOptions());
        for (int a = 0; a < 3; a++)
        {
            for (int b = 0; b < 3; b++)
                Assert.Equal(Enumerable.Range(0, 2500).Sum(r => (double)y[r * 3 + a] * y[r * 3 + b]), gram[a * 3 + b], 1e-9);
        }
    }

    private static double RelativeError(double[] expected, float[] x) =>
        Math.Sqrt(expected.Select((e, d) => (e - x[d]) * (e - x[d])).Sum() / expected.Sum(e => e * e));

    // α0·G with α0 = 0.1, λ from Rendle's scaling, six observed items with confidences.
    private static (float[] Y, int[] Columns, float[] Confidences, double[] ScaledGram, double Lambda) Problem()
    {
        var random = new SeededRandom(11);
        var y = Enumerable.Range(0, Items * K).Select(_ => (float)(random.NextGaussian() * 0.3)).ToArray();
        int[] columns = [1, 4, 9, 17, 25, 33];
        float[] confidences = [1, 2, 1, 3.5f, 1, 1.5f];
        var gram = IalsSolver.Gram(y, Items, K, new ParallelOptions());
        for (int n = 0; n < gram.Length; n++)
            gram[n] *= 0.1;
        var options = new IalsOptions { Regularization = 0.02, UnobservedWeight = 0.1 };
        return (y, columns, confidences, gram, IalsSolver.RowRegularization(options, columns.Length, Items));
    }

    // A = α0·Σ_all h·hᵀ + λI + Σ_observed c·h·hᵀ, b = Σ c·h, solved by LU.
    private static double[] Direct(float[] y, int[] columns, float[] confidences, double lambda)
    {
        var h = Matrix<double>.Build.Dense(Items, K, (i, d) => y[i * K + d]);
        var a = 0.1 * h.TransposeThisAndMultiply(h) + lambda * Matrix<double>.Build.DenseIdentity(K);
        var b = Vector<double>.Build.Dense(K);
        for (int n = 0; n < columns.Length; n++)
        {
            var row = h.Row(columns[n]);
            a += confidences[n] * row.OuterProduct(row);
            b += confidences[n] * row;
        }
        return [.. a.Solve(b)];
    }
}
