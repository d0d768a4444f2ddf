using System.Numerics.Tensors;
using Collab.Data;
using Collab.Persistence;

namespace Collab.Server;

/// <summary>
/// Stand-in for the cold-start library until it is merged: asks the most-rated items not yet asked, and folds a
/// visitor in by ridge least squares on the frozen item factors and biases, fitted on the logit of each rating
/// (the inverse of the model's output range), so the model's own prediction reproduces the ratings.
/// </summary>
internal sealed class InterimColdStart
{
    private const double Ridge = 1.0;
    private readonly TrainedModel _trained;
    private readonly int[] _byPopularity;
    private readonly bool[] _trainedItem;

    public InterimColdStart(TrainedModel trained, InteractionStats stats)
    {
        _trained = trained;
        var counts = stats.ItemCounts.ToArray();
        _trainedItem = [.. counts.Select(c => c > 0)];
        _byPopularity = [.. Enumerable.Range(1, counts.Length - 1).Where(i => counts[i] > 0).OrderByDescending(i => counts[i]).ThenBy(i => i)];
    }

    /// <summary>Up to <paramref name="n"/> of the most-rated items never asked nor answered.</summary>
    public IReadOnlyList<string> NextRound(IReadOnlyDictionary<string, float?> answers, IReadOnlyCollection<string> asked, int n)
    {
        var skip = new HashSet<string>(asked, StringComparer.Ordinal);
        skip.UnionWith(answers.Keys);
        return [.. _byPopularity.Select(i => _trained.Items[i]).Where(id => !skip.Contains(id)).Take(n)];
    }

    /// <summary>The <paramref name="n"/> trained items with the highest predicted rating that the visitor has not rated.</summary>
    public IReadOnlyList<(string Item, float Rating)> Recommend(IReadOnlyDictionary<string, float?> answers, int n)
    {
        var model = _trained.Model;
        var rated = new List<(int Row, float Rating)>();
        foreach (var (id, rating) in answers)
        {
            if (rating is { } r && _trained.Items.TryGetIndex(id, out int row) && _trainedItem[row])
                rated.Add((row, r));
        }
        var (user, bias) = Fold(rated);
        var top = new PriorityQueue<int, float>();
        var skip = rated.Select(r => r.Row).ToHashSet();
        for (int i = 1; i < model.ItemCount; i++)
        {
            if (!_trainedItem[i] || skip.Contains(i))
                continue;
            float score = TensorPrimitives.Dot(user, model.ItemFactors.Row(i)) + bias + model.ItemBias.Values[i];
            top.Enqueue(i, score);
            if (top.Count > n)
                top.Dequeue();
        }
        var result = new List<(string, float)>(top.Count);
        while (top.TryDequeue(out int item, out float score))
            result.Add((_trained.Items[item], model.Activate(score)));
        result.Reverse();
        return result;
    }

    // Solves (XᵀX + λI) θ = Xᵀ(y − b_i) for θ = (factors, bias), X's rows being (item factors, 1).
    private (float[] Factors, float Bias) Fold(List<(int Row, float Rating)> rated)
    {
        var model = _trained.Model;
        int k = model.Factors, n = k + 1;
        var a = new double[n, n];
        var b = new double[n];
        for (int d = 0; d < n; d++)
            a[d, d] = Ridge;
        var x = new double[n];
        foreach (var (row, rating) in rated)
        {
            var factors = model.ItemFactors.Row(row);
            for (int c = 0; c < k; c++)
                x[c] = factors[c];
            x[k] = 1;
            double target = Logit(rating) - model.ItemBias.Values[row];
            for (int r = 0; r < n; r++)
            {
                b[r] += x[r] * target;
                for (int c = 0; c < n; c++)
                    a[r, c] += x[r] * x[c];
            }
        }
        var theta = SolveSymmetric(a, b);
        return ([.. theta.Take(k).Select(v => (float)v)], (float)theta[k]);
    }

    private double Logit(float rating)
    {
        if (_trained.Model.YRange is not { } range)
            return rating;
        double p = Math.Clamp((rating - range.Low) / range.Width, 0.01, 0.99);
        return Math.Log(p / (1 - p));
    }

    // Cholesky: the matrix is symmetric positive definite (a Gram matrix plus λI).
    private static double[] SolveSymmetric(double[,] a, double[] b)
    {
        int n = b.Length;
        var l = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[i, j];
                for (int m = 0; m < j; m++)
                    sum -= l[i, m] * l[j, m];
                l[i, j] = i == j ? Math.Sqrt(sum) : sum / l[j, j];
            }
        }
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int m = 0; m < i; m++)
                sum -= l[i, m] * y[m];
            y[i] = sum / l[i, i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = y[i];
            for (int m = i + 1; m < n; m++)
                sum -= l[m, i] * y[m];
            y[i] = sum / l[i, i];
        }
        return y;
    }
}
