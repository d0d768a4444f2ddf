using System.Buffers;
using System.Numerics.Tensors;
using Collab.Models;
using Collab.Numerics;

namespace Collab.Recommend;

public sealed partial class Predictor
{
    // Users scored together in batch mode: 16 x 60k items of scores is 3.8 MB, and each panel of item factors
    // (16 items, 3 KB at k = 50) is reused by all 16 while it is in cache.
    private const int BatchBlock = 16;

    /// <summary>
    /// The <paramref name="n"/> items with the highest predicted rating for a user, scored with the whole model
    /// (dot product, both biases and the output range), leaving out the items the user rated in training unless
    /// <paramref name="includeSeen"/>. Items without training ratings (and #na#) are never recommended.
    /// </summary>
    /// <returns>The ranking; for an unknown user, one with <see cref="Ranking.Found"/> false and no results.</returns>
    public Ranking Recommend(string user, int n, bool includeSeen = false) => RecommendMany([user], n, includeSeen).Single();

    /// <summary>
    /// <see cref="Recommend"/> for many users, in input order, scoring them in blocks so the item table is
    /// streamed through memory once per block instead of once per user.
    /// </summary>
    public IEnumerable<Ranking> RecommendMany(IEnumerable<string> users, int n, bool includeSeen = false)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var block = new List<string>(BatchBlock);
        foreach (var user in users)
        {
            ArgumentNullException.ThrowIfNull(user, nameof(users));
            block.Add(user);
            if (block.Count < BatchBlock)
                continue;
            foreach (var ranking in RecommendBlock(block, n, includeSeen))
                yield return ranking;
            block.Clear();
        }
        foreach (var ranking in RecommendBlock(block, n, includeSeen))
            yield return ranking;
    }

    /// <summary>
    /// The <paramref name="n"/> best items for a user row computed outside training (a visitor folded in from a few
    /// ratings), scored and selected exactly as <see cref="Recommend"/> scores a trained user: the service's one
    /// scoring path for trained users and visitors alike.
    /// </summary>
    /// <param name="factors">The row's latent factors (as many as the model's).</param>
    /// <param name="bias">The row's bias.</param>
    /// <param name="seenItems">Item rows the visitor has rated, left out.</param>
    /// <param name="n">How many items at most.</param>
    public IReadOnlyList<ScoredId> RecommendRow(ReadOnlySpan<float> factors, float bias, ReadOnlySpan<int> seenItems, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var model = _trained.FactorsFor("Recommendations for a new visitor");
        if (factors.Length != model.Factors)
            throw new ArgumentException($"The row has {factors.Length} factors; the model has {model.Factors}.", nameof(factors));
        if (UsesIndex && IndexedTop(factors, bias, [.. seenItems], n) is { } found)
            return ToRanking("", RankingKind.Recommendations, found, _trained.Items, Stats.ItemCounts, s => _clip(model.Activate(s))).Results;
        var scores = new float[model.ItemCount];
        TensorPrimitives.Add(model.ItemBias.Values, bias, scores);
        _itemColumns.Value.AddDots(factors, scores);
        Exclude(scores, -1, includeSeen: true);
        foreach (int item in seenItems)
            scores[item] = float.NegativeInfinity;
        return ToRanking("", RankingKind.Recommendations, TopK.Select(scores, n), _trained.Items, Stats.ItemCounts, s => _clip(model.Activate(s))).Results;
    }

    private Ranking[] RecommendBlock(List<string> users, int n, bool includeSeen)
    {
        if (_trained.Factors is not { } model)
            return [.. users.Select(user => RecommendOne(user, n, includeSeen))];
        if (UsesIndex)
            return [.. users.Select(user => RecommendIndexed(model, user, n, includeSeen) ?? ScanBlock(model, [user], n, includeSeen)[0])];
        return ScanBlock(model, users, n, includeSeen);
    }

    // One user through the index; null when the index cannot answer for this user.
    private Ranking? RecommendIndexed(DotBiasModel model, string user, int n, bool includeSeen)
    {
        if (!TryGetUser(user, out int row))
            return new Ranking(user, RankingKind.Recommendations, false, []);
        var top = IndexedTop(model.UserFactors.Row(row), model.UserBias.Values[row], SeenBy(row, includeSeen), n);
        return top is null ? null : ToRanking(user, RankingKind.Recommendations, top, _trained.Items, Stats.ItemCounts, s => _clip(model.Activate(s)));
    }

    private Ranking[] ScanBlock(DotBiasModel model, List<string> users, int n, bool includeSeen)
    {
        int items = model.ItemCount;
        int k = model.Factors;
        var rows = new int[users.Count];
        int known = 0;
        for (int q = 0; q < users.Count; q++)
            rows[q] = TryGetUser(users[q], out int u) ? u : -1;
        var knownRows = rows.Where(r => r >= 0).ToArray();
        var queries = ArrayPool<float>.Shared.Rent(Math.Max(1, knownRows.Length * k));
        var scores = ArrayPool<float>.Shared.Rent(Math.Max(1, knownRows.Length * items));
        try
        {
            for (int q = 0; q < knownRows.Length; q++)
            {
                model.UserFactors.Row(knownRows[q]).CopyTo(queries.AsSpan(q * k, k));
                // Start from b_i + b_u, so the multiply-adds leave the full raw score u·i + b_u + b_i.
                TensorPrimitives.Add(model.ItemBias.Values, model.UserBias.Values[knownRows[q]], scores.AsSpan(q * items, items));
            }
            _itemPanels.Value.AddDots(queries, knownRows.Length, scores.AsSpan(0, knownRows.Length * items));
            var result = new Ranking[users.Count];
            for (int q = 0; q < users.Count; q++)
            {
                if (rows[q] < 0)
                {
                    result[q] = new Ranking(users[q], RankingKind.Recommendations, false, []);
                    continue;
                }
                var userScores = scores.AsSpan(known++ * items, items);
                Exclude(userScores, rows[q], includeSeen);
                // The output range is monotonic, so it is applied to the winners only.
                result[q] = ToRanking(users[q], RankingKind.Recommendations, TopK.Select(userScores, n),
                    _trained.Items, Stats.ItemCounts, s => _clip(model.Activate(s)));
            }
            return result;
        }
        finally
        {
            ArrayPool<float>.Shared.Return(queries);
            ArrayPool<float>.Shared.Return(scores);
        }
    }

    private void Exclude(Span<float> scores, int user, bool includeSeen)
    {
        foreach (var item in _untrainedItems)
            scores[item] = float.NegativeInfinity;
        if (includeSeen)
            return;
        foreach (var item in _trained.Interactions.ItemsOf(user))
            scores[item] = float.NegativeInfinity;
        foreach (var item in _trained.HeldOut.ItemsOf(user))
            scores[item] = float.NegativeInfinity;
    }

    // Kinds without factor tables (nn, ease) score one user at a time; their scores are final already.
    private Ranking RecommendOne(string user, int n, bool includeSeen)
    {
        if (!TryGetUser(user, out int row))
            return new Ranking(user, RankingKind.Recommendations, false, []);
        var scores = new float[_trained.Items.Count];
        _rows.Value.ScoreAll(row, scores);
        Exclude(scores, row, includeSeen);
        return ToRanking(user, RankingKind.Recommendations, TopK.Select(scores, n), _trained.Items, Stats.ItemCounts, _clip);
    }

    private Ranking ToRanking(string query, RankingKind kind, (int Index, float Score)[] top,
        Data.Vocabulary ids, ReadOnlySpan<int> counts, Func<float, float> score)
    {
        var results = new ScoredId[top.Length];
        for (int r = 0; r < top.Length; r++)
            results[r] = new ScoredId(ids[top[r].Index], score(top[r].Score), counts[top[r].Index]);
        return new Ranking(query, kind, true, results) { ByScore = kind == RankingKind.Recommendations && _byScore };
    }
}
