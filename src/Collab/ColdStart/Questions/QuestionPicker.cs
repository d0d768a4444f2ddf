using System.Numerics.Tensors;
using Collab.Models;
using Collab.Numerics;

namespace Collab.ColdStart.Questions;

/// <summary>
/// Greedy choice of informative, well-known items (a popularity-weighted D-optimal design). The information
/// about the new row θ is H = w·P + Σ sᵢ²·xᵢxᵢᵀ over rated items (xᵢ = (item factors, 1), sᵢ the sigmoid's
/// slope at the current fit; w·P the prior). Rating item c would add s_c²·x_cx_cᵀ, a gain of
/// log(1 + s_c²·x_cᵀH⁻¹x_c) in log-determinant: large when x_c points where θ is still uncertain, the
/// item-factor directions not yet covered. Each pick maximises weight_c · gain_c (the weight favours items the
/// user has likely seen), then adds its expected information chance_c·s_c²·x_cx_cᵀ to H, a rank-one update of
/// H⁻¹ and of every candidate's x_cᵀH⁻¹x_c, before the next pick.
/// </summary>
internal sealed class QuestionPicker
{
    private readonly DotBiasModel _model;
    private readonly int _n;
    private readonly double[] _inverse;
    private readonly LatentRow _current;

    /// <summary>Prepares a round from the information matrix H at the current fit.</summary>
    public QuestionPicker(DotBiasModel model, double[] information, LatentRow current)
    {
        _model = model;
        _n = model.Factors + 1;
        _inverse = SpdMatrix.Inverse(information, _n);
        _current = current;
    }

    /// <summary>Picks up to <paramref name="count"/> of the candidates (item rows), best first.</summary>
    /// <param name="candidates">Item rows that may be asked.</param>
    /// <param name="chances">The chance that the user has seen each candidate.</param>
    /// <param name="weights">The weight of each candidate's gain.</param>
    /// <param name="count">How many to pick.</param>
    public List<int> Pick(IReadOnlyList<int> candidates, IReadOnlyList<double> chances, IReadOnlyList<double> weights, int count)
    {
        int n = _n;
        int m = candidates.Count;
        var x = new double[m * n];
        var coverage = new double[m];
        var slopeSquared = new double[m];
        for (int c = 0; c < m; c++)
        {
            var row = x.AsSpan(c * n, n);
            Design(_model, candidates[c], row);
            slopeSquared[c] = SlopeSquared(_model, _current, candidates[c]);
            coverage[c] = SpdMatrix.Quadratic(_inverse, n, row);
        }
        var picked = new List<int>(count);
        var taken = new bool[m];
        var g = new double[n];
        while (picked.Count < count)
        {
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int c = 0; c < m; c++)
            {
                if (taken[c])
                    continue;
                double score = weights[c] * Math.Log(1 + slopeSquared[c] * Math.Max(coverage[c], 0));
                if (score > bestScore)
                    (best, bestScore) = (c, score);
            }
            if (best < 0)
                break;
            taken[best] = true;
            picked.Add(candidates[best]);
            double expected = chances[best] * slopeSquared[best];
            double beta = expected / (1 + expected * coverage[best]);
            SpdMatrix.Multiply(_inverse, n, x.AsSpan(best * n, n), g);
            for (int c = 0; c < m; c++)
            {
                if (taken[c])
                    continue;
                double t = TensorPrimitives.Dot<double>(x.AsSpan(c * n, n), g);
                coverage[c] -= beta * t * t;
            }
            SpdMatrix.AddOuter(_inverse, n, g, -beta);
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

    /// <summary>Writes item's design row (its factors, then 1 for the bias).</summary>
    public static void Design(DotBiasModel model, int item, Span<double> row)
    {
        var factors = model.ItemFactors.Row(item);
        for (int f = 0; f < factors.Length; f++)
            row[f] = factors[f];
        row[^1] = 1;
    }

    /// <summary>The current fit's prediction for item before the output range (dot product plus biases).</summary>
    public static double Raw(DotBiasModel model, LatentRow current, int item) =>
        TensorPrimitives.Dot(current.Factors, model.ItemFactors.Row(item)) + current.Bias + model.ItemBias.Values[item];

    /// <summary>The squared slope of the output sigmoid at the current fit's prediction for item (1 without a range).</summary>
    public static double SlopeSquared(DotBiasModel model, LatentRow current, int item)
    {
        if (model.YRange is not { } range)
            return 1;
        double s = 1 / (1 + Math.Exp(-Raw(model, current, item)));
        double slope = range.Width * s * (1 - s);
        return slope * slope;
    }
}
