using System.Numerics.Tensors;
using Collab.Models;

namespace Collab.ColdStart;

/// <summary>
/// Greedy choice of informative, well-known items. The information about the new row θ is
/// H = w·P + Σ sᵢ²·xᵢxᵢᵀ over rated items (xᵢ = (item factors, 1), sᵢ the sigmoid's slope at the current fit).
/// Rating item c adds s_c²·x_cx_cᵀ. <see cref="QuestionCriterion.Coverage"/> scores log(1 + s_c²·x_cᵀH⁻¹x_c);
/// <see cref="QuestionCriterion.PredictionVariance"/> scores the drop of tr(Π·H⁻¹), Π = Σⱼ pⱼsⱼ²xⱼxⱼᵀ over
/// all trained items j with pⱼ their share of raters, which is s_c²·x_cᵀMx_c / (1 + s_c²·x_cᵀH⁻¹x_c) with
/// M = H⁻¹ΠH⁻¹. Each score is multiplied by chance^e, the chance the user has seen c; after each pick its
/// expected information (chance·s²·xxᵀ) updates H⁻¹, M and every candidate's quadratic forms by rank one.
/// </summary>
internal sealed class QuestionPicker
{
    private readonly DotBiasModel _model;
    private readonly int _n;
    private readonly double[] _inverse;
    private readonly double[] _spread;

    /// <summary>Prepares a round from the information matrix H at the current fit.</summary>
    public QuestionPicker(DotBiasModel model, double[] information, LatentRow current, ReadOnlySpan<double> itemShares, QuestionCriterion criterion)
    {
        _model = model;
        _n = model.Factors + 1;
        _inverse = SpdMatrix.Inverse(information, _n);
        _spread = criterion == QuestionCriterion.PredictionVariance ? Sandwich(_inverse, Weighted(model, current, itemShares), _n) : [];
        Current = current;
    }

    private LatentRow Current { get; }

    /// <summary>Picks up to <paramref name="count"/> of the candidates (item rows), best first.</summary>
    public List<int> Pick(IReadOnlyList<int> candidates, IReadOnlyList<double> chances, double exponent, int count)
    {
        int n = _n;
        int m = candidates.Count;
        bool variance = _spread.Length > 0;
        var x = new double[m * n];
        var coverage = new double[m];
        var reduction = new double[m];
        var slopeSquared = new double[m];
        var weight = new double[m];
        for (int c = 0; c < m; c++)
        {
            var row = x.AsSpan(c * n, n);
            Design(_model, candidates[c], row);
            slopeSquared[c] = SlopeSquared(_model, Current, candidates[c]);
            coverage[c] = SpdMatrix.Quadratic(_inverse, n, row);
            reduction[c] = variance ? SpdMatrix.Quadratic(_spread, n, row) : 0;
            weight[c] = Math.Pow(chances[c], exponent);
        }
        var picked = new List<int>(count);
        var taken = new bool[m];
        var g = new double[n];
        var h = new double[n];
        while (picked.Count < count)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int c = 0; c < m; c++)
            {
                if (taken[c])
                    continue;
                double a = slopeSquared[c];
                double q = Math.Max(coverage[c], 0);
                double score = weight[c] * (variance ? a * Math.Max(reduction[c], 0) / (1 + a * q) : Math.Log(1 + a * q));
                if (score > bestScore)
                    (best, bestScore) = (c, score);
            }
            if (best < 0)
                break;
            taken[best] = true;
            picked.Add(candidates[best]);
            var xb = x.AsSpan(best * n, n);
            double expected = chances[best] * slopeSquared[best];
            double beta = expected / (1 + expected * coverage[best]);
            double gamma = reduction[best];
            SpdMatrix.Multiply(_inverse, n, xb, g);
            if (variance)
                SpdMatrix.Multiply(_spread, n, xb, h);
            for (int c = 0; c < m; c++)
            {
                if (taken[c])
                    continue;
                var xc = x.AsSpan(c * n, n);
                double t = TensorPrimitives.Dot<double>(xc, g);
                coverage[c] -= beta * t * t;
                if (variance)
                    reduction[c] += beta * t * (beta * gamma * t - 2 * TensorPrimitives.Dot<double>(xc, h));
            }
            SpdMatrix.AddOuter(_inverse, n, g, -beta);
            if (variance)
            {
                for (int i = 0; i < n; i++)
                {
                    for (int j = 0; j < n; j++)
                        _spread[i * n + j] += beta * (beta * gamma * g[i] * g[j] - g[i] * h[j] - h[i] * g[j]);
                }
            }
        }
        return picked;
    }

    /// <summary>Adds the information of rated items (at the current fit) to <paramref name="information"/>.</summary>
    public static void AddRated(DotBiasModel model, double[] information, LatentRow current, IEnumerable<int> rated)
    {
        int n = model.Factors + 1;
        var row = new double[n];
        foreach (int item in rated)
        {
            Design(model, item, row);
            SpdMatrix.AddOuter(information, n, row, SlopeSquared(model, current, item));
        }
    }

    /// <summary>Π = Σⱼ pⱼ·sⱼ²·xⱼxⱼᵀ over items with a positive share.</summary>
    private static double[] Weighted(DotBiasModel model, LatentRow current, ReadOnlySpan<double> shares)
    {
        int n = model.Factors + 1;
        var sum = new double[n * n];
        var row = new double[n];
        for (int item = 0; item < shares.Length; item++)
        {
            if (shares[item] <= 0)
                continue;
            Design(model, item, row);
            double weight = shares[item] * SlopeSquared(model, current, item);
            for (int i = 0; i < n; i++)
            {
                double scaled = weight * row[i];
                for (int j = i; j < n; j++)
                    sum[i * n + j] += scaled * row[j];
            }
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < i; j++)
                sum[i * n + j] = sum[j * n + i];
        }
        return sum;
    }

    /// <summary>A·B·A for symmetric A and B.</summary>
    private static double[] Sandwich(double[] a, double[] b, int n)
    {
        var ab = new double[n * n];
        var result = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int p = 0; p < n; p++)
                TensorPrimitives.MultiplyAdd<double>(b.AsSpan(p * n, n), a[i * n + p], ab.AsSpan(i * n, n), ab.AsSpan(i * n, n));
        }
        for (int i = 0; i < n; i++)
        {
            for (int p = 0; p < n; p++)
                TensorPrimitives.MultiplyAdd<double>(a.AsSpan(p * n, n), ab[i * n + p], result.AsSpan(i * n, n), result.AsSpan(i * n, n));
        }
        return result;
    }

    private static void Design(DotBiasModel model, int item, Span<double> row)
    {
        var factors = model.ItemFactors.Row(item);
        for (int f = 0; f < factors.Length; f++)
            row[f] = factors[f];
        row[^1] = 1;
    }

    private static double SlopeSquared(DotBiasModel model, LatentRow current, int item)
    {
        if (model.YRange is not { } range)
            return 1;
        double raw = TensorPrimitives.Dot(current.Factors, model.ItemFactors.Row(item)) + current.Bias + model.ItemBias.Values[item];
        double s = 1 / (1 + Math.Exp(-raw));
        double slope = range.Width * s * (1 - s);
        return slope * slope;
    }
}
