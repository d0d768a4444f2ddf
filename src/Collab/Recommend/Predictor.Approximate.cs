using System.Numerics.Tensors;
using Cloud.Unum.USearch;
using Collab.Numerics;
using Collab.Recommend.Approximate;

namespace Collab.Recommend;

public sealed partial class Predictor
{
    // Not readonly for WithCandidates alone, which sets it on a fresh copy before anyone else sees it.
    private ApproximateOptions _approximate;
    private readonly int[] _trainedItems;
    private readonly Lazy<VectorIndex> _scoreIndex;
    private readonly Lazy<VectorIndex> _cosineIndex;

    /// <summary>
    /// Whether top-N recommendations and similar items go through the approximate index (a factor kind with at least
    /// <see cref="ApproximateOptions.MinItems"/> trained items, unless turned off); otherwise every item is scored.
    /// </summary>
    public bool UsesIndex => _approximate.Enabled && _trained.Factors is not null && _trainedItems.Length >= Math.Max(1, _approximate.MinItems);

    /// <summary>
    /// Builds now what the first top-N or similar-items query would build (the approximate indexes above the threshold,
    /// the column-major item table below it), so that the first query is not the slow one.
    /// </summary>
    public void Prepare()
    {
        if (_trained.Factors is null)
            return;
        if (UsesIndex)
            _ = (_scoreIndex.Value, _cosineIndex.Value);
        else
            _ = _itemColumns.Value;
    }

    /// <summary>
    /// The same predictor, sharing its built indexes, taking another number of candidates per result: candidates are a
    /// query-time setting, so a benchmark can sweep them over one build.
    /// </summary>
    internal Predictor WithCandidates(int candidatesPerResult)
    {
        var copy = (Predictor)MemberwiseClone();
        copy._approximate = _approximate with { CandidatesPerResult = candidatesPerResult };
        copy._approximate.Validate();
        return copy;
    }

    // The whole model's score is activation(u·v + b_i + b_u), monotone in u·v + b_i for one user: the index searches that.
    private VectorIndex BuildScoreIndex()
    {
        var model = _trained.Factors!;
        var items = MipsTransform.Items(model.ItemFactors.Values, model.ItemBias.Values, model.Factors, _trainedItems);
        return IndexFile.OpenOrBuild(_approximate.IndexPath, "scores", MetricKind.Ip, items, _trainedItems, _approximate);
    }

    private VectorIndex BuildCosineIndex()
    {
        var factors = _trained.Factors!.ItemFactors;
        return IndexFile.OpenOrBuild(_approximate.IndexPath, "similar", MetricKind.Cos, [.. _trainedItems.Select(r => factors.Row(r).ToArray())], _trainedItems, _approximate);
    }

    /// <summary>
    /// The n best items for a user row by the index, re-scored exactly (raw score, before the output range); null when
    /// the index cannot supply enough unexcluded candidates and every item must be scored instead.
    /// </summary>
    private (int Index, float Score)[]? IndexedTop(ReadOnlySpan<float> user, float userBias, HashSet<int> excluded, int n)
    {
        if (n == 0)
            return [];
        var model = _trained.Factors!;
        var rows = _scoreIndex.Value.Nearest(MipsTransform.Query(user), n * _approximate.CandidatesPerResult, excluded.Count, r => !excluded.Contains(r));
        if (rows is null)
            return null;
        var bias = model.ItemBias.Values;
        var u = user.ToArray();
        return Rescored(rows, n, r => bias[r] + userBias + TensorPrimitives.Dot(u, model.ItemFactors.Row(r)));
    }

    /// <summary>The n items nearest by cosine to a trained item, re-scored exactly; null when the index cannot answer.</summary>
    private (int Index, float Score)[]? IndexedSimilar(int row, int n, int minRatings)
    {
        if (n == 0)
            return [];
        var factors = _trained.Factors!.ItemFactors;
        var query = factors.Row(row).ToArray();
        var counts = _itemCounts;
        int least = Math.Max(1, minRatings);
        var rows = _cosineIndex.Value.Nearest(query, n * _approximate.CandidatesPerResult, 1, r => r != row && counts[r] >= least);
        if (rows is null)
            return null;
        float queryNorm = TensorPrimitives.Norm(query);
        return Rescored(rows, n, r =>
        {
            var v = factors.Row(r);
            float denominator = queryNorm * TensorPrimitives.Norm(v);
            return denominator > 0 ? TensorPrimitives.Dot(query, v) / denominator : 0f;
        });
    }

    // Candidates in row order, so ties go to the row the vocabulary sorts first, as in the exact scan.
    private static (int Index, float Score)[] Rescored(int[] rows, int n, Func<int, float> score)
    {
        Array.Sort(rows);
        var scores = rows.Select(score).ToArray();
        return [.. TopK.Select(scores, n).Select(t => (rows[t.Index], t.Score))];
    }

    private HashSet<int> SeenBy(int user, bool includeSeen)
    {
        var seen = new HashSet<int>();
        if (includeSeen)
            return seen;
        foreach (int item in _trained.Interactions.ItemsOf(user))
            seen.Add(item);
        foreach (int item in _trained.HeldOut.ItemsOf(user))
            seen.Add(item);
        return seen;
    }
}
