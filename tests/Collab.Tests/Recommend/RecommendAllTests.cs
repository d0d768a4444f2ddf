using Collab.Persistence;
using Collab.Recommend;
using Collab.Tests.Support;

namespace Collab.Tests.Recommend;

public sealed class RecommendAllTests
{
    // More users than one scoring task takes (1,024), so several tasks run side by side and must come back in order.
    private static readonly TrainedModel Trained = SmallModel.Create(users: 2500, items: 60, factors: 4, density: 0.1);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Every_trained_user_gets_the_ranking_recommend_gives_in_vocabulary_order(int threads)
    {
        var predictor = new Predictor(Trained);
        var trainedUsers = Trained.Users.Ids.Where(predictor.IsKnownUser).ToList();

        var all = predictor.RecommendAll(5, threads: threads).ToList();

        Assert.Equal(trainedUsers, all.Select(r => r.Query));
        var expected = predictor.RecommendMany(trainedUsers, 5).ToList();
        for (int u = 0; u < all.Count; u++)
        {
            Assert.Equal(expected[u].Results.Select(r => r.Id), all[u].Results.Select(r => r.Id));
            Assert.Equal(expected[u].Results.Select(r => r.Score), all[u].Results.Select(r => r.Score));
        }
    }

    [Fact]
    public void The_no_na_row_and_users_without_training_ratings_are_left_out()
    {
        var predictor = new Predictor(Trained);
        var all = predictor.RecommendAll(1).Select(r => r.Query).ToHashSet();
        Assert.DoesNotContain(Collab.Data.Vocabulary.NotAvailable, all);
        Assert.All(all, user => Assert.True(predictor.IsKnownUser(user)));
    }
}
