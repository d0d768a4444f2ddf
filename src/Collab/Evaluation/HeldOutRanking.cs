using Collab.Numerics;
using Collab.Persistence;

namespace Collab.Evaluation;

/// <summary>
/// How well a saved model ranks each user's held-out interactions: full ranking over every trained item, the
/// user's training items excluded (the protocol of Microsoft Recommenders' and most implicit-feedback benchmarks).
/// </summary>
public static class HeldOutRanking
{
    /// <summary>Mean NDCG@k and recall@k over <see cref="Users"/> users with at least one held-out interaction.</summary>
    public sealed record Result(double Ndcg, double Recall, int Users, int K);

    /// <summary>Scores every trained item for each user with held-out interactions; null when there are none.</summary>
    public static Result? Measure(TrainedModel trained, int k = 10)
    {
        ArgumentNullException.ThrowIfNull(trained);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var itemCounts = trained.Stats.ItemCounts.ToArray();
        int items = trained.Items.Count;
        var users = Enumerable.Range(1, trained.Users.Count - 1)
            .Where(u => trained.Interactions.CountOf(u) > 0 && Relevant(trained, u, itemCounts).Any()).ToArray();
        if (users.Length == 0)
            return null;
        var ndcg = new double[users.Length];
        var recall = new double[users.Length];
        Parallel.For(0, users.Length, () => (Users: new int[items], Items: Enumerable.Range(0, items).ToArray(), Scores: new float[items]), (q, _, buffers) =>
        {
            int user = users[q];
            Array.Fill(buffers.Users, user);
            trained.Model.Predict(buffers.Users, buffers.Items, buffers.Scores);
            for (int i = 0; i < items; i++)
            {
                if (itemCounts[i] == 0)
                    buffers.Scores[i] = float.NegativeInfinity;
            }
            foreach (int seen in trained.Interactions.ItemsOf(user))
                buffers.Scores[seen] = float.NegativeInfinity;
            var relevant = Relevant(trained, user, itemCounts).ToHashSet();
            var hits = TopK.Select(buffers.Scores, k).Select(t => relevant.Contains(t.Index)).ToArray();
            ndcg[q] = RankingMetrics.Ndcg(hits, relevant.Count, k);
            recall[q] = RankingMetrics.Recall(hits, relevant.Count, k);
            return buffers;
        }, _ => { });
        return new Result(ndcg.Average(), recall.Average(), users.Length, k);
    }

    // Held-out items the model can rank: trained items the user did not also have in training.
    private static IEnumerable<int> Relevant(TrainedModel trained, int user, int[] itemCounts)
    {
        foreach (int item in trained.HeldOut.ItemsOf(user).ToArray())
        {
            if (item != 0 && itemCounts[item] > 0 && !trained.Interactions.Contains(user, item))
                yield return item;
        }
    }
}
