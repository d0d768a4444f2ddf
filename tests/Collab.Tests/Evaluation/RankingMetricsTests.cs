using Collab.Evaluation;
using Collab.Evaluation.Metrics;

namespace Collab.Tests.Evaluation;

/// <summary>Ranking and error metrics against values worked out by hand.</summary>
public sealed class RankingMetricsTests
{
    // Ranked list: hit, miss, hit, miss; the user has 3 relevant held-out items.
    private static readonly bool[] Hits = [true, false, true, false];

    [Fact]
    public void Metrics_at_4_match_the_hand_computation()
    {
        Assert.Equal(0.5, RankingMetrics.Precision(Hits, 4), 12);
        Assert.Equal(2.0 / 3, RankingMetrics.Recall(Hits, 3, 4), 12);
        Assert.Equal(1.0, RankingMetrics.HitRate(Hits, 4));
        // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) + 1/log2(4) = 2.1309298.
        Assert.Equal(1.5 / (1.5 + 1 / Math.Log2(3)), RankingMetrics.Ndcg(Hits, 3, 4), 12);
        Assert.Equal(0.7039180890341348, RankingMetrics.Ndcg(Hits, 3, 4), 12);
        // AP = (1/1 + 2/3) / min(3, 4).
        Assert.Equal((1 + 2.0 / 3) / 3, RankingMetrics.AveragePrecision(Hits, 3, 4), 12);
    }

    [Fact]
    public void Metrics_at_2_only_look_at_the_first_two_positions()
    {
        Assert.Equal(0.5, RankingMetrics.Precision(Hits, 2), 12);
        Assert.Equal(1.0 / 3, RankingMetrics.Recall(Hits, 3, 2), 12);
        Assert.Equal(1 / (1 + 1 / Math.Log2(3)), RankingMetrics.Ndcg(Hits, 3, 2), 12);
        // AP@2 divides by min(relevant, k) = 2, so a perfect top 2 would score 1.
        Assert.Equal(0.5, RankingMetrics.AveragePrecision(Hits, 3, 2), 12);
        Assert.Equal(1.0, RankingMetrics.AveragePrecision([true, true], 3, 2), 12);
    }

    [Fact]
    public void A_list_shorter_than_k_counts_missing_positions_as_misses()
    {
        Assert.Equal(0.2, RankingMetrics.Precision([true], 5), 12);
        Assert.Equal(1.0, RankingMetrics.Recall([true], 1, 5), 12);
        Assert.Equal(1.0, RankingMetrics.Ndcg([true], 1, 5), 12);
    }

    [Fact]
    public void No_hits_score_zero_and_a_user_without_relevant_items_is_refused()
    {
        bool[] misses = [false, false, false];
        Assert.Equal(0, RankingMetrics.Precision(misses, 3));
        Assert.Equal(0, RankingMetrics.Recall(misses, 2, 3));
        Assert.Equal(0, RankingMetrics.Ndcg(misses, 2, 3));
        Assert.Equal(0, RankingMetrics.AveragePrecision(misses, 2, 3));
        Assert.Equal(0, RankingMetrics.HitRate(misses, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.Recall(misses, 0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankingMetrics.Ndcg(misses, 0, 3));
    }

    [Fact]
    public void Rmse_and_mae_match_the_hand_computation()
    {
        float[] predictions = [1, 2, 3];
        float[] ratings = [2, 4, 3];
        Assert.Equal(Math.Sqrt(5.0 / 3), ErrorMetrics.Rmse(predictions, ratings), 12);
        Assert.Equal(1.0, ErrorMetrics.Mae(predictions, ratings), 12);
    }

    [Fact]
    public void Metric_names_parse_with_a_default_cut_off()
    {
        var metrics = Metric.Parse("rmse, NDCG@5,recall,hit@3,coverage@20");
        Assert.Equal(["rmse", "ndcg@5", "recall@10", "hit@3", "coverage@20"], metrics.Select(m => m.ToString()));
        Assert.Throws<FormatException>(() => Metric.Parse("auc"));
        Assert.Throws<FormatException>(() => Metric.Parse("ndcg@0"));
        Assert.Throws<FormatException>(() => Metric.Parse("rmse@5"));
    }
}
