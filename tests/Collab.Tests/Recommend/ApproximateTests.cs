using Collab.Data;
using Collab.Numerics;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Recommend.Approximate;
using Collab.Tests.Support;

namespace Collab.Tests.Recommend;

public sealed class ApproximateTests
{
    // Forced on: 3,000 items is far below the default threshold.
    private static readonly ApproximateOptions Forced = new() { MinItems = 0 };
    private static readonly TrainedModel Trained = SmallModel.Create(users: 60, items: 3_000, factors: 16, density: 0.01);
    private static readonly Predictor Exact = new(Trained, ApproximateOptions.Exact);
    private static readonly Predictor Indexed = new(Trained, Forced);
    private static readonly string[] Users = [.. Trained.Users.Ids.Skip(1)];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Forced_on_a_small_catalog_the_index_finds_almost_all_of_the_exact_top_10(bool halfPrecision)
    {
        var indexed = halfPrecision ? Indexed : new Predictor(Trained, Forced with { HalfPrecision = false });
        Assert.True(indexed.UsesIndex);
        Assert.False(Exact.UsesIndex);
        double recall = Users.Average(user =>
        {
            var truth = Exact.Recommend(user, 10).Results.Select(r => r.Id).ToHashSet();
            return indexed.Recommend(user, 10).Results.Count(r => truth.Contains(r.Id)) / 10.0;
        });
        Assert.True(recall >= 0.95, $"recall@10 {recall:F3}");
    }

    [Fact]
    public void Re_ranked_scores_are_the_whole_model_s_predictions_best_first()
    {
        foreach (var user in Users)
        {
            var results = Indexed.Recommend(user, 10).Results;
            Assert.Equal(10, results.Count);
            foreach (var r in results)
                Close.Equal(Exact.Predict(user, r.Id).Rating, r.Score, 1e-5, $"{user}, {r.Id}");
            Assert.True(results.Zip(results.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        }
    }

    [Fact]
    public void Seen_and_untrained_items_are_never_returned()
    {
        var counts = Indexed.Stats.ItemCounts.ToArray();
        foreach (var user in Users)
        {
            int row = Trained.Users.Encode(user);
            var seen = Trained.Interactions.ItemsOf(row).ToArray().Select(i => Trained.Items[i]).ToHashSet();
            var results = Indexed.Recommend(user, 50).Results;
            Assert.DoesNotContain(results, r => seen.Contains(r.Id));
            Assert.All(results, r => Assert.True(counts[Trained.Items.Encode(r.Id)] > 0));
        }
    }

    [Fact]
    public void A_user_who_has_seen_most_of_the_catalog_still_gets_exact_unseen_items()
    {
        var heavy = HeavyUser(out var seen, out var exact);
        var ranking = new Predictor(heavy, Forced).Recommend("heavy", 10);
        Assert.DoesNotContain(ranking.Results, r => seen.Contains(r.Id));
        Assert.Equal(exact.Recommend("heavy", 10).Results.Select(r => r.Id), ranking.Results.Select(r => r.Id));
    }

    [Fact]
    public void A_visitor_row_goes_through_the_index_and_leaves_out_its_seen_items()
    {
        var model = Trained.Factors!;
        var visitor = model.UserFactors.Row(1).ToArray();
        int[] seen = [.. Exact.RecommendRow(visitor, 0f, [], 5).Select(r => Trained.Items.Encode(r.Id))];
        var expected = Exact.RecommendRow(visitor, 0f, seen, 10);
        var found = Indexed.RecommendRow(visitor, 0f, seen, 10);
        Assert.DoesNotContain(found, r => seen.Contains(Trained.Items.Encode(r.Id)));
        Assert.True(found.Count(r => expected.Any(e => e.Id == r.Id)) >= 9);
    }

    [Fact]
    public void Similar_items_by_the_cosine_index_match_the_exact_cosines()
    {
        double hits = 0;
        var items = Trained.Items.Ids.Where(Exact.IsKnownItem).Take(40).ToArray();
        foreach (var item in items)
        {
            var exact = Exact.SimilarItems(item, 10, minRatings: 2).Results;
            var found = Indexed.SimilarItems(item, 10, minRatings: 2).Results;
            Assert.DoesNotContain(found, r => r.Id == item || r.TrainingRatings < 2);
            foreach (var r in found)
            {
                var same = Exact.SimilarItems(item, 3_000).Results.Single(e => e.Id == r.Id);
                Close.Equal(same.Score, r.Score, 1e-5, $"cosine of {item} and {r.Id}");
            }
            hits += found.Count(r => exact.Any(e => e.Id == r.Id)) / (double)exact.Count;
        }
        Assert.True(hits / items.Length >= 0.95, $"recall@10 {hits / items.Length:F3}");
    }

    [Fact]
    public void Kinds_without_factors_and_catalogs_below_the_threshold_score_every_item()
    {
        Assert.False(new Predictor(Trained).UsesIndex);
        Assert.False(new Predictor(Trained, new ApproximateOptions { MinItems = Users.Length + 10_000 }).UsesIndex);
    }

    // One user who has seen all but 30 items of a 2,000-item catalog: the index runs out of unseen candidates.
    private static TrainedModel HeavyUser(out HashSet<string> seen, out Predictor exact)
    {
        var random = new SeededRandom(5);
        var rows = new List<(string, string, float)>();
        for (int i = 0; i < 2_000; i++)
            rows.Add(("filler", $"m{i}", 3f));
        for (int i = 30; i < 2_000; i++)
            rows.Add(("heavy", $"m{i}", 3f));
        var table = RatingsTable.FromTriples(rows);
        var trained = SmallModel.Over(CollabData.FromTable(table, new DataSplit([.. Enumerable.Range(0, table.Count)], [])), 8, random);
        seen = [.. Enumerable.Range(30, 1_970).Select(i => $"m{i}")];
        exact = new Predictor(trained, ApproximateOptions.Exact);
        return trained;
    }
}
