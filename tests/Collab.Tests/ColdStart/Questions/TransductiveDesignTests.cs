using Collab.ColdStart.Questions;
using Collab.Numerics;
using Collab.Tests.Support;

namespace Collab.Tests.ColdStart.Questions;

public sealed class TransductiveDesignTests
{
    private const int N = 3;

    /// <summary>A tiny problem: an SPD information matrix, candidate rows with slopes, and target rows with slopes.</summary>
    private static (double[] H, double[] X, double[] S2, double[] Targets, double[] TargetS2) Tiny(ulong seed)
    {
        var random = new SeededRandom(seed);
        double[] Draw(int count) => [.. Enumerable.Range(0, count).Select(_ => random.NextGaussian())];
        var a = Draw(N * N);
        var h = new double[N * N];
        for (int i = 0; i < N; i++)
        {
            for (int j = 0; j < N; j++)
                h[i * N + j] = Enumerable.Range(0, N).Sum(p => a[i * N + p] * a[j * N + p]) + (i == j ? 0.5 : 0);
        }
        var x = Draw(6 * N);
        double[] s2 = [.. Enumerable.Range(0, 6).Select(_ => 0.2 + random.NextDouble())];
        var targets = Draw(8 * N);
        double[] targetS2 = [.. Enumerable.Range(0, 8).Select(_ => 0.2 + random.NextDouble())];
        return (h, x, s2, targets, targetS2);
    }

    private static double[] Spread(double[] targets, double[] targetS2)
    {
        var m = new double[N * N];
        for (int j = 0; j < targetS2.Length; j++)
        {
            for (int p = 0; p < N; p++)
            {
                for (int q = 0; q < N; q++)
                    m[p * N + q] += targetS2[j] * targets[j * N + p] * targets[j * N + q];
            }
        }
        return m;
    }

    /// <summary>Σ_j s_j²·x_jᵀH⁻¹x_j, with H inverted from scratch.</summary>
    private static double TotalVariance(double[] h, double[] targets, double[] targetS2)
    {
        var inverse = Invert3(h);
        double total = 0;
        for (int j = 0; j < targetS2.Length; j++)
        {
            var x = targets.AsSpan(j * N, N);
            for (int p = 0; p < N; p++)
            {
                for (int q = 0; q < N; q++)
                    total += targetS2[j] * x[p] * inverse[p * N + q] * x[q];
            }
        }
        return total;
    }

    private static double[] WithRating(double[] h, double[] x, int c, double s2)
    {
        var updated = (double[])h.Clone();
        for (int p = 0; p < N; p++)
        {
            for (int q = 0; q < N; q++)
                updated[p * N + q] += s2 * x[c * N + p] * x[c * N + q];
        }
        return updated;
    }

    /// <summary>The inverse of a 3 x 3 matrix by cofactors, independent of the code under test.</summary>
    private static double[] Invert3(double[] m)
    {
        double C(int r, int c) => m[r * N + c];
        double det = C(0, 0) * (C(1, 1) * C(2, 2) - C(1, 2) * C(2, 1)) - C(0, 1) * (C(1, 0) * C(2, 2) - C(1, 2) * C(2, 0)) + C(0, 2) * (C(1, 0) * C(2, 1) - C(1, 1) * C(2, 0));
        var inverse = new double[N * N];
        for (int r = 0; r < N; r++)
        {
            for (int c = 0; c < N; c++)
            {
                int r1 = (c + 1) % N, r2 = (c + 2) % N, c1 = (r + 1) % N, c2 = (r + 2) % N;
                inverse[r * N + c] = (C(r1, c1) * C(r2, c2) - C(r1, c2) * C(r2, c1)) / det;
            }
        }
        return inverse;
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Each_candidates_score_is_the_brute_force_reduction_of_the_targets_total_variance(ulong seed)
    {
        var (h, x, s2, targets, targetS2) = Tiny(seed);
        var reductions = new TransductiveDesign(h, Spread(targets, targetS2), N).Reductions(x, s2);
        double before = TotalVariance(h, targets, targetS2);
        for (int c = 0; c < s2.Length; c++)
        {
            double after = TotalVariance(WithRating(h, x, c, s2[c]), targets, targetS2);
            Close.Equal(before - after, reductions[c], 1e-9 * Math.Max(1, before), $"candidate {c}");
        }
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Greedy_picks_match_brute_force_greedy_with_the_information_updated_after_each_pick(ulong seed)
    {
        var (h, x, s2, targets, targetS2) = Tiny(seed);
        var picked = new TransductiveDesign(h, Spread(targets, targetS2), N).Pick(x, s2, 4);
        var expected = new List<int>();
        var current = h;
        for (int step = 0; step < 4; step++)
        {
            double before = TotalVariance(current, targets, targetS2);
            int best = Enumerable.Range(0, s2.Length).Where(c => !expected.Contains(c))
                .MaxBy(c => before - TotalVariance(WithRating(current, x, c, s2[c]), targets, targetS2));
            expected.Add(best);
            current = WithRating(current, x, best, s2[best]);
        }
        Assert.Equal(expected, picked);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void Balanced_picks_each_fall_in_a_quantile_bin_that_nothing_taken_before_occupies(ulong seed)
    {
        var (h, x, s2, targets, targetS2) = Tiny(seed);
        double[] quantiles = [0.05, 0.95, 0.3, 0.55, 0.8, 0.15];
        double[] rated = [0.6];
        var picked = new TransductiveDesign(h, Spread(targets, targetS2), N).Pick(x, s2, 3, quantiles, rated);
        Assert.Equal(3, picked.Count);
        var taken = new List<double>(rated);
        foreach (int c in picked)
        {
            int bins = taken.Count + 1;
            int Bin(double q) => Math.Min(bins - 1, (int)(q * bins));
            Assert.DoesNotContain(Bin(quantiles[c]), taken.Select(Bin));
            taken.Add(quantiles[c]);
        }
        // With the upper half taken by the rating, the first pick is the most informative of the lower half.
        var reductions = new TransductiveDesign(h, Spread(targets, targetS2), N).Reductions(x, s2);
        Assert.Equal(new[] { 0, 2, 5 }.MaxBy(c => reductions[c]), picked[0]);
    }

    [Fact]
    public void Picks_each_candidate_at_most_once_and_stops_when_none_is_left()
    {
        var (h, x, s2, targets, targetS2) = Tiny(4);
        var picked = new TransductiveDesign(h, Spread(targets, targetS2), N).Pick(x, s2, 10);
        Assert.Equal(Enumerable.Range(0, 6), picked.Order());
        // Balanced over quantiles that leave some bins empty, it still picks every candidate.
        var balanced = new TransductiveDesign(h, Spread(targets, targetS2), N).Pick(x, s2, 10, [0.1, 0.1, 0.1, 0.12, 0.14, 0.16], []);
        Assert.Equal(Enumerable.Range(0, 6), balanced.Order());
    }
}
