using Collab.Persistence;
using Collab.Recommend;
using Collab.Tests.Support;

namespace Collab.Tests.Recommend;

public sealed class RecommendTests
{
    private static readonly TrainedModel Trained = SmallModel.Create();
    private static readonly Predictor Predictor = new(Trained);

    public static TheoryData<string> Users => [.. Trained.Users.Ids.Skip(1)];

    [Theory]
    [MemberData(nameof(Users))]
    public void Top_n_equals_a_brute_force_ranking_of_every_unseen_item(string user)
    {
        var seen = SeenBy(user);
        var expected = Trained.Items.Ids.Skip(1)
            .Where(i => !seen.Contains(i))
            .Select(i => (Item: i, Score: Predictor.Predict(user, i).Rating))
            .OrderByDescending(p => p.Score).ThenBy(p => Trained.Items.Encode(p.Item))
            .Take(10).ToList();

        var ranking = Predictor.Recommend(user, 10);

        Assert.True(ranking.Found);
        Assert.Equal(expected.Select(e => e.Item), ranking.Results.Select(r => r.Id));
        for (int r = 0; r < expected.Count; r++)
            Close.Equal(expected[r].Score, ranking.Results[r].Score, 1e-5, $"score of {expected[r].Item}");
    }

    [Theory]
    [MemberData(nameof(Users))]
    public void Seen_items_never_appear_unless_asked(string user)
    {
        var seen = SeenBy(user);
        var all = Predictor.Recommend(user, 1000);
        Assert.DoesNotContain(all.Results, r => seen.Contains(r.Id));
        Assert.Equal(Trained.Items.Count - 1 - seen.Count, all.Results.Count);

        var withSeen = Predictor.Recommend(user, 1000, includeSeen: true);
        Assert.Equal(Trained.Items.Count - 1, withSeen.Results.Count);
        Assert.Superset(seen, withSeen.Results.Select(r => r.Id).ToHashSet());
    }

    [Fact]
    public void Scores_are_full_model_predictions_inside_the_output_range()
    {
        var ranking = Predictor.Recommend("u3", 5);
        foreach (var r in ranking.Results)
        {
            Assert.Equal(Predictor.Predict("u3", r.Id).Rating, r.Score, 5);
            Assert.InRange(r.Score, 0f, 5.5f);
        }
        Assert.True(ranking.Results.Zip(ranking.Results.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Batch_mode_gives_the_same_answers_as_one_user_at_a_time_in_input_order()
    {
        // 37 users: more than two blocks, with unknown ids in between.
        var users = Trained.Users.Ids.Skip(1).Concat(["nobody"]).Reverse().Concat(Trained.Users.Ids.Skip(1).Take(7)).ToList();
        var batch = Predictor.RecommendMany(users, 4).ToList();
        Assert.Equal(users, batch.Select(b => b.Query));
        for (int q = 0; q < users.Count; q++)
            Assert.Equal(Predictor.Recommend(users[q], 4).Results, batch[q].Results);
    }

    [Fact]
    public void An_unknown_user_gets_a_typed_empty_answer_that_says_why()
    {
        var ranking = Predictor.Recommend("nobody", 10);
        Assert.False(ranking.Found);
        Assert.Empty(ranking.Results);
        Assert.Contains("'nobody' is not in the model's training data", ranking.Message);
        Assert.False(Predictor.Recommend(Collab.Data.Vocabulary.NotAvailable, 3).Found);
    }

    [Fact]
    public void Asking_for_zero_gives_nothing_and_a_negative_count_is_refused()
    {
        Assert.Empty(Predictor.Recommend("u1", 0).Results);
        Assert.Throws<ArgumentOutOfRangeException>(() => Predictor.Recommend("u1", -1));
    }

    [Fact]
    public void Items_with_no_training_rating_are_never_recommended()
    {
        // With the vocabulary over all rows, an item rated only in validation has a row but no learned factors.
        var table = Collab.Data.RatingsTable.FromTriples([("a", "x", 4), ("a", "y", 2), ("b", "x", 5), ("b", "only-valid", 5)]);
        var data = Collab.Data.CollabData.FromTable(table, new Collab.Data.DataSplit([0, 1, 2], [3]), Collab.Data.VocabularyScope.AllRows);
        var model = Collab.Models.DotBiasModel.Create(data.Users.Count, data.Items.Count, new Collab.Models.DotBiasOptions { Factors = 2 }, new Collab.Numerics.SeededRandom(1));
        model.ItemBias.Values[data.Items.Encode("only-valid")] = 10;
        var predictor = new Predictor(new TrainedModel(model, data.Users, data.Items,
            Collab.Data.InteractionIndex.FromRatings(data.Train, data.Users.Count), new TrainingSummary()));

        Assert.Equal(["y"], predictor.Recommend("b", 10).Results.Select(r => r.Id));
        Assert.False(predictor.SimilarItems("only-valid", 3).Found);
        Assert.False(predictor.IsKnownItem("only-valid"));
    }

    private static HashSet<string> SeenBy(string user)
    {
        Assert.True(Trained.Users.TryGetIndex(user, out int u));
        return [.. Trained.Interactions.ItemsOf(u).ToArray().Select(i => Trained.Items[i])];
    }
}
