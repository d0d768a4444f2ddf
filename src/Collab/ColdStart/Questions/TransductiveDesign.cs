using System.Numerics.Tensors;
using Collab.Numerics;

namespace Collab.ColdStart.Questions;

/// <summary>
/// Transductive experimental design (Yu, Bi and Tresp 2006, "Active learning via transductive experimental
/// design"; a V-optimal design): greedy choice of the candidates whose ratings most reduce the total predictive
/// variance over a known set of target items. With H the information about the new row θ = (factors, bias) (the
/// prior plus s²·xxᵀ of every rated item, in units of the rating noise), the variance of the prediction of target
/// j is s_j²·x_jᵀH⁻¹x_j (s_j the sigmoid's slope there, so it is on the rating scale), and rating candidate c adds
/// s_c²·x_cx_cᵀ to H, which lowers the total by
/// <code>Σ_j s_j²·(x_jᵀH⁻¹x_c)² / (1/s_c² + x_cᵀH⁻¹x_c) = x_cᵀH⁻¹MH⁻¹x_c / (1/s_c² + x_cᵀH⁻¹x_c),  M = Σ_j s_j²·x_jx_jᵀ.</code>
/// Each pick maximises that, then updates H⁻¹ by rank one; both quadratic forms of every candidate are updated
/// in O(n) per candidate, so a pick costs O(candidates · n).
/// <para>
/// Optionally the picks are balanced over a quantity whose quantile among the targets is known for each
/// candidate (the questionnaire uses the predicted rating): with t items already taken (rated before, or picked
/// before), the next pick must lie in one of the t + 1 equal quantile bins that none of them occupies, when such
/// a candidate is left. Every prefix of the picks is then spread over the targets' range like a stratified sample,
/// and the design chooses the most informative item within the free bins.
/// </para>
/// </summary>
internal sealed class TransductiveDesign
{
    private readonly int _n;
    private readonly double[] _inverse;
    private readonly double[] _targets;

    /// <summary>Prepares the design from the information H (n x n) and the targets' M = Σ_j s_j²·x_jx_jᵀ.</summary>
    public TransductiveDesign(ReadOnlySpan<double> information, ReadOnlySpan<double> targets, int n)
    {
        _n = n;
        _inverse = SpdMatrix.Inverse(information, n);
        _targets = targets.ToArray();
    }

    /// <summary>The reduction of the targets' total predictive variance if each candidate alone were rated.</summary>
    /// <param name="x">Candidate design rows, one per candidate (row-major, n wide).</param>
    /// <param name="slopeSquared">s_c² of each candidate.</param>
    public double[] Reductions(ReadOnlySpan<double> x, ReadOnlySpan<double> slopeSquared)
    {
        var (coverage, spread) = Quadratics(x);
        var reductions = new double[slopeSquared.Length];
        for (int c = 0; c < reductions.Length; c++)
            reductions[c] = Reduction(spread[c], coverage[c], slopeSquared[c]);
        return reductions;
    }

    /// <summary>Picks up to <paramref name="count"/> candidates (indices into the rows of x), best first.</summary>
    /// <param name="x">Candidate design rows, one per candidate (row-major, n wide).</param>
    /// <param name="slopeSquared">s_c² of each candidate.</param>
    /// <param name="count">How many to pick.</param>
    /// <param name="quantiles">With balancing: each candidate's quantile (0 to 1) among the targets; null without.</param>
    /// <param name="taken">With balancing: the quantiles of the items already rated.</param>
    public List<int> Pick(ReadOnlySpan<double> x, ReadOnlySpan<double> slopeSquared, int count, double[]? quantiles = null, IReadOnlyList<double>? taken = null)
    {
        int n = _n;
        int m = slopeSquared.Length;
        var (coverage, spread) = Quadratics(x);
        var isTaken = new bool[m];
        var picked = new List<int>(Math.Min(count, m));
        var g = new double[n];
        var mg = new double[n];
        var h = new double[n];
        while (picked.Count < count)
        {
            var occupied = quantiles is null ? null : Occupied(quantiles, taken ?? [], picked);
            int best = Best(spread, coverage, slopeSquared, isTaken, quantiles, occupied);
            if (best < 0 && occupied is not null)
                best = Best(spread, coverage, slopeSquared, isTaken, null, null);
            if (best < 0)
                break;
            isTaken[best] = true;
            picked.Add(best);
            // H⁻¹ ← H⁻¹ − β·g·gᵀ with g = H⁻¹x_b; then x·H⁻¹MH⁻¹·x changes by −2β(x·g)(x·h) + β²(gᵀMg)(x·g)², h = H⁻¹Mg.
            SpdMatrix.Multiply(_inverse, n, x.Slice(best * n, n), g);
            SpdMatrix.Multiply(_targets, n, g, mg);
            SpdMatrix.Multiply(_inverse, n, mg, h);
            double beta = slopeSquared[best] / (1 + slopeSquared[best] * Math.Max(coverage[best], 0));
            double gamma = TensorPrimitives.Dot<double>(g, mg);
            for (int c = 0; c < m; c++)
            {
                var row = x.Slice(c * n, n);
                double t = TensorPrimitives.Dot(row, g);
                double v = TensorPrimitives.Dot(row, h);
                coverage[c] -= beta * t * t;
                spread[c] += beta * t * (beta * gamma * t - 2 * v);
            }
            SpdMatrix.AddOuter(_inverse, n, g, -beta);
        }
        return picked;
    }

    /// <summary>The best candidate not taken (and, with bins, in a free bin); -1 when none.</summary>
    private static int Best(double[] spread, double[] coverage, ReadOnlySpan<double> slopeSquared, bool[] isTaken, double[]? quantiles, bool[]? occupied)
    {
        int best = -1;
        double bestScore = double.NegativeInfinity;
        for (int c = 0; c < spread.Length; c++)
        {
            if (isTaken[c] || (occupied is not null && occupied[Bin(quantiles![c], occupied.Length)]))
                continue;
            double score = Reduction(spread[c], coverage[c], slopeSquared[c]);
            if (score > bestScore)
                (best, bestScore) = (c, score);
        }
        return best;
    }

    /// <summary>Which of t + 1 quantile bins the t items taken so far (rated, then picked) occupy.</summary>
    private static bool[] Occupied(double[] quantiles, IReadOnlyList<double> taken, List<int> picked)
    {
        var occupied = new bool[taken.Count + picked.Count + 1];
        foreach (double q in taken)
            occupied[Bin(q, occupied.Length)] = true;
        foreach (int p in picked)
            occupied[Bin(quantiles[p], occupied.Length)] = true;
        return occupied;
    }

    private static int Bin(double quantile, int bins) => Math.Clamp((int)(quantile * bins), 0, bins - 1);

    /// <summary>s²·x·H⁻¹MH⁻¹·x / (1 + s²·xᵀH⁻¹x), which is Σ_j s_j²(x_jᵀH⁻¹x)² / (1/s² + xᵀH⁻¹x) without dividing by s².</summary>
    private static double Reduction(double spread, double coverage, double slopeSquared) =>
        slopeSquared * Math.Max(spread, 0) / (1 + slopeSquared * Math.Max(coverage, 0));

    private (double[] Coverage, double[] Spread) Quadratics(ReadOnlySpan<double> x)
    {
        int n = _n;
        int m = x.Length / n;
        var coverage = new double[m];
        var spread = new double[m];
        var u = new double[n];
        var mu = new double[n];
        for (int c = 0; c < m; c++)
        {
            var row = x.Slice(c * n, n);
            SpdMatrix.Multiply(_inverse, n, row, u);
            SpdMatrix.Multiply(_targets, n, u, mu);
            coverage[c] = TensorPrimitives.Dot(row, u);
            spread[c] = TensorPrimitives.Dot<double>(u, mu);
        }
        return (coverage, spread);
    }
}
