namespace Collab.Evaluation;

/// <summary>
/// Per-user ranking metrics from a ranked list. <c>hits[p]</c> says whether the item at 0-based position p is
/// relevant; <c>relevant</c> is the number of the user's relevant held-out items, including any the model cannot
/// rank (unknown items), which it can therefore never retrieve. Lists shorter than k count the missing positions as misses.
/// </summary>
public static class RankingMetrics
{
    /// <summary>Hits in the top k divided by k.</summary>
    public static double Precision(ReadOnlySpan<bool> hits, int k) => Hits(hits, k) / (double)CheckK(k);

    /// <summary>Hits in the top k divided by the relevant count.</summary>
    public static double Recall(ReadOnlySpan<bool> hits, int relevant, int k) => Hits(hits, k) / (double)CheckRelevant(relevant);

    /// <summary>1 when the top k holds a relevant item, else 0.</summary>
    public static double HitRate(ReadOnlySpan<bool> hits, int k) => Hits(hits, k) > 0 ? 1 : 0;

    /// <summary>DCG@k / ideal DCG@k with binary gains and discount 1/log2(position + 1) (positions from 1).</summary>
    public static double Ndcg(ReadOnlySpan<bool> hits, int relevant, int k)
    {
        CheckRelevant(relevant);
        double dcg = 0, ideal = 0;
        for (int p = 0; p < Math.Min(k, hits.Length); p++)
        {
            if (hits[p])
                dcg += 1 / Math.Log2(p + 2);
        }
        for (int p = 0; p < Math.Min(k, relevant); p++)
            ideal += 1 / Math.Log2(p + 2);
        return dcg / ideal;
    }

    /// <summary>Average precision at k: the sum of precision@p over the positions p of hits, divided by min(relevant, k).</summary>
    public static double AveragePrecision(ReadOnlySpan<bool> hits, int relevant, int k)
    {
        CheckRelevant(relevant);
        double sum = 0;
        int found = 0;
        for (int p = 0; p < Math.Min(CheckK(k), hits.Length); p++)
        {
            if (!hits[p])
                continue;
            found++;
            sum += found / (double)(p + 1);
        }
        return sum / Math.Min(relevant, k);
    }

    private static int Hits(ReadOnlySpan<bool> hits, int k)
    {
        int count = 0;
        for (int p = 0; p < Math.Min(CheckK(k), hits.Length); p++)
        {
            if (hits[p])
                count++;
        }
        return count;
    }

    private static int CheckK(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        return k;
    }

    private static int CheckRelevant(int relevant)
    {
        if (relevant < 1)
            throw new ArgumentOutOfRangeException(nameof(relevant), relevant, "A user without relevant held-out items has no recall, NDCG or MAP; skip the user.");
        return relevant;
    }
}
