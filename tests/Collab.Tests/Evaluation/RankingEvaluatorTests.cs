using Collab.Data;
using Collab.Evaluation;

namespace Collab.Tests.Evaluation;

/// <summary>
/// The full-ranking evaluation on a table small enough to rank by hand: seen items are excluded, an unknown held-out
/// item still counts as relevant, a cold user is ranked from the #na# row, and a user with no relevant held-out row is skipped.
/// </summary>
public sealed class RankingEvaluatorTests
{
    private static readonly (string User, string Item, float Rating)[] Rows =
    [
        ("a", "x1", 5), ("a", "x2", 5), ("b", "x1", 5), ("b", "x3", 5), ("c", "x2", 5), ("d", "x4", 5), ("d", "x5", 5), // training: rows 0-6
        ("a", "x3", 5), ("a", "x4", 5), ("a", "new", 5), ("b", "x2", 2), ("c", "x5", 4), ("e", "x1", 5), // held out: rows 7-12
    ];

    [Fact]
    public void Metrics_at_2_match_the_hand_ranking()
    {
        var data = CollabData.FromTable(RatingsTable.FromTriples(Rows), new DataSplit([0, 1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]));
        Assert.Equal(["#na#", "x1", "x2", "x3", "x4", "x5"], data.Items.Ids);
        var evaluator = new RankingEvaluator(data, relevanceThreshold: 4);

        var values = evaluator.Evaluate(new FixedScores(), Metric.Parse("precision@2,recall@2,ndcg@2,map@2,hit@2,coverage@2,rmse"));

        Assert.Equal(3, evaluator.UsersEvaluated);
        Assert.Equal(1, evaluator.UsersWithoutRelevant);
        // a ranks x4, x5 (x1, x2 seen): 1 hit of 3 relevant (x3, x4, and the unknown "new"). c ranks x1, x4: no hit.
        // e (cold, #na# row) ranks x1, then x2 by the tie rule: 1 hit of 1.
        Assert.Equal((0.5 + 0 + 0.5) / 3, values[new Metric(MetricKind.Precision, 2)], 12);
        Assert.Equal((1.0 / 3 + 0 + 1) / 3, values[new Metric(MetricKind.Recall, 2)], 12);
        Assert.Equal((1 / (1 + 1 / Math.Log2(3)) + 0 + 1) / 3, values[new Metric(MetricKind.Ndcg, 2)], 12);
        Assert.Equal((0.5 + 0 + 1) / 3, values[new Metric(MetricKind.Map, 2)], 12);
        Assert.Equal(2.0 / 3, values[new Metric(MetricKind.HitRate, 2)], 12);
        // Top-2 lists cover x1, x2, x4, x5 of the 5 rankable items.
        Assert.Equal(0.8, values[new Metric(MetricKind.Coverage, 2)], 12);
        Assert.False(values.ContainsKey(new Metric(MetricKind.Rmse)));
    }

    [Fact]
    public void Without_a_threshold_every_held_out_row_is_relevant()
    {
        var data = CollabData.FromTable(RatingsTable.FromTriples(Rows), new DataSplit([0, 1, 2, 3, 4, 5, 6], [7, 8, 9, 10, 11, 12]));
        var evaluator = new RankingEvaluator(data);
        Assert.Equal(4, evaluator.UsersEvaluated);
        Assert.Equal(0, evaluator.UsersWithoutRelevant);
    }

    /// <summary>Hand-set scores per encoded user (a = 1, c = 3, the cold user e = 0).</summary>
    private sealed class FixedScores : IItemScorer
    {
        private static readonly Dictionary<int, float[]> ByUser = new()
        {
            [0] = [0, 1, 0, 0, 0, 0],
            [1] = [0, 0.9f, 0.8f, 0.1f, 0.7f, 0.5f],
            [2] = [0, 0, 0, 0, 0, 0],
            [3] = [0, 0.9f, 0, 0.2f, 0.3f, 0.1f],
        };

        public string Name => "fixed";

        public bool PredictsRatings => false;

        public void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions)
        {
            for (int b = 0; b < users.Length; b++)
                predictions[b] = ByUser[users[b]][items[b]];
        }

        public void ScoreAll(int user, Span<float> scores) => ByUser[user].CopyTo(scores);
    }
}
