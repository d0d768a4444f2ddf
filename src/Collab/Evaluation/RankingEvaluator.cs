using Collab.Data;
using Collab.Numerics;

namespace Collab.Evaluation;

/// <summary>
/// Ranking metrics over the full ranking: for each held-out user (grouped by raw id, so cold users stay apart even
/// though all encode to #na#), every item the model has a row for, except #na# and the items the user has in
/// training, is scored and ranked; no sampled negatives. Relevant items are the user's held-out rows at or above
/// the relevance threshold (all held-out rows without one). Users with no relevant held-out item are skipped and
/// counted, not scored as zero. Coverage is the share of rankable items that appear in anyone's top k.
/// </summary>
public sealed class RankingEvaluator
{
    private readonly CollabData _data;
    private readonly InteractionIndex _train;
    private readonly List<(int User, int[] Items, int Relevant)> _users = [];

    /// <summary>Groups the held-out rows of <paramref name="data"/> by user.</summary>
    public RankingEvaluator(CollabData data, float? relevanceThreshold = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        _train = InteractionIndex.FromRatings(data.Train, data.Users.Count);
        var byUser = new SortedDictionary<int, (int Encoded, HashSet<int> Raw, HashSet<int> Items)>();
        var valid = data.Valid;
        for (int r = 0; r < valid.Count; r++)
        {
            int row = data.Split.Valid[r];
            int raw = data.Table.Users[row];
            if (!byUser.TryGetValue(raw, out var entry))
                byUser[raw] = entry = (valid.Users[r], [], []);
            if (relevanceThreshold is not null && valid.Ratings[r] < relevanceThreshold)
                continue;
            entry.Raw.Add(data.Table.Items[row]);
            if (valid.Items[r] != 0)
                entry.Items.Add(valid.Items[r]);
        }
        foreach (var (encoded, raw, items) in byUser.Values)
        {
            if (raw.Count == 0)
                UsersWithoutRelevant++;
            else
                _users.Add((encoded, [.. items], raw.Count));
        }
    }

    /// <summary>Held-out users with at least one relevant item: the users the metrics average over.</summary>
    public int UsersEvaluated => _users.Count;

    /// <summary>Held-out users with no relevant item, skipped.</summary>
    public int UsersWithoutRelevant { get; }

    /// <summary>Computes the ranking metrics (others in the list are ignored) for a scorer.</summary>
    public IReadOnlyDictionary<Metric, double> Evaluate(IItemScorer scorer, IReadOnlyList<Metric> metrics)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        ArgumentNullException.ThrowIfNull(metrics);
        var ranking = metrics.Where(m => m.IsRanking).ToArray();
        var sums = ranking.ToDictionary(m => m, _ => 0.0);
        if (ranking.Length == 0 || _users.Count == 0)
            return ranking.ToDictionary(m => m, _ => double.NaN);
        int itemCount = _data.Items.Count;
        int maxK = ranking.Max(m => m.K);
        var covered = ranking.Where(m => m.Kind == MetricKind.Coverage).Select(m => m.K).Distinct().ToDictionary(k => k, _ => new HashSet<int>());
        var scores = new float[itemCount];
        var candidates = new bool[itemCount];
        var relevant = new bool[itemCount];
        foreach (var (user, items, relevantCount) in _users)
        {
            scorer.ScoreAll(user, scores);
            candidates.AsSpan(1).Fill(true);
            foreach (var seen in _train.ItemsOf(user))
                candidates[seen] = false;
            foreach (var item in items)
                relevant[item] = true;
            var top = TopK.Select(scores, candidates, relevant, maxK);
            var hits = top.Select(i => relevant[i]).ToArray();
            foreach (var metric in ranking)
                sums[metric] += UserValue(metric, hits, relevantCount);
            foreach (var (k, set) in covered)
                set.UnionWith(top.Take(k));
            foreach (var item in items)
                relevant[item] = false;
        }
        return ranking.ToDictionary(m => m, m => m.Kind == MetricKind.Coverage
            ? covered[m.K].Count / (double)Math.Max(1, itemCount - 1)
            : sums[m] / _users.Count);
    }

    private static double UserValue(Metric metric, bool[] hits, int relevant) => metric.Kind switch
    {
        MetricKind.Precision => RankingMetrics.Precision(hits, metric.K),
        MetricKind.Recall => RankingMetrics.Recall(hits, relevant, metric.K),
        MetricKind.Ndcg => RankingMetrics.Ndcg(hits, relevant, metric.K),
        MetricKind.Map => RankingMetrics.AveragePrecision(hits, relevant, metric.K),
        MetricKind.HitRate => RankingMetrics.HitRate(hits, metric.K),
        _ => 0,
    };
}
