using Collab.Models;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Tests.Support;

namespace Collab.Tests.Recommend;

public sealed class SimilarTests
{
    private static readonly TrainedModel Trained = SmallModel.Create(users: 40, items: 60, factors: 5, seed: 11);
    private static readonly Predictor Predictor = new(Trained);

    public static TheoryData<string> Items => [.. Trained.Items.Ids.Skip(1).Where((_, i) => i % 7 == 0)];

    [Theory]
    [MemberData(nameof(Items))]
    public void Similar_items_equal_a_brute_force_cosine_ranking_without_the_item_itself(string item)
    {
        var expected = BruteForce(Trained.Factors!.ItemFactors, Trained.Items.Encode(item), 8);
        var ranking = Predictor.SimilarItems(item, 8);
        Assert.Equal(expected.Select(e => Trained.Items[e.Row]), ranking.Results.Select(r => r.Id));
        for (int r = 0; r < expected.Count; r++)
            Close.Equal(expected[r].Cosine, ranking.Results[r].Score, 1e-5, "cosine");
        Assert.DoesNotContain(ranking.Results, r => r.Id == item);
    }

    [Fact]
    public void Similar_users_equal_a_brute_force_cosine_ranking()
    {
        var expected = BruteForce(Trained.Factors!.UserFactors, Trained.Users.Encode("u5"), 5);
        Assert.Equal(expected.Select(e => Trained.Users[e.Row]), Predictor.SimilarUsers("u5", 5).Results.Select(r => r.Id));
    }

    [Fact]
    public void A_minimum_rating_count_leaves_out_rarely_rated_items()
    {
        var stats = Predictor.Stats;
        int threshold = (int)stats.ItemCounts.ToArray().Skip(1).Order().ElementAt(30);
        var ranking = Predictor.SimilarItems("m0", 100, minRatings: threshold);
        Assert.NotEmpty(ranking.Results);
        Assert.All(ranking.Results, r => Assert.True(r.TrainingRatings >= threshold));
        Assert.Equal(stats.ItemCounts.ToArray().Skip(1).Count(c => c >= threshold) - (Predictor.Stats.ItemCounts[Trained.Items.Encode("m0")] >= threshold ? 1 : 0),
            ranking.Results.Count);
    }

    [Fact]
    public void An_unknown_item_gets_a_typed_empty_answer()
    {
        var ranking = Predictor.SimilarItems("no-such-movie", 5);
        Assert.False(ranking.Found);
        Assert.Empty(ranking.Results);
        Assert.Contains("item 'no-such-movie'", ranking.Message);
        Assert.False(Predictor.SimilarUsers("no-such-user", 5).Found);
    }

    private static List<(int Row, double Cosine)> BruteForce(ParameterTensor table, int query, int n)
    {
        var q = table.Row(query).ToArray();
        return [.. Enumerable.Range(1, table.Rows - 1)
            .Where(r => r != query)
            .Select(r => (Row: r, Cosine: Cosine(q, table.Row(r).ToArray())))
            .OrderByDescending(p => p.Cosine).ThenBy(p => p.Row)
            .Take(n)];
    }

    private static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int c = 0; c < a.Length; c++)
        {
            dot += (double)a[c] * b[c];
            na += (double)a[c] * a[c];
            nb += (double)b[c] * b[c];
        }
        return dot / Math.Sqrt(na * nb);
    }
}
