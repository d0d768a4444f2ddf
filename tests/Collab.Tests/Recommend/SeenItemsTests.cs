using Collab.Recommend;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Recommend;

public sealed class SeenItemsTests
{
    [Fact]
    public void No_user_is_recommended_an_item_they_rated_in_training_or_in_the_validation_split()
    {
        var table = Some.PlantedRatings(40, 30, 2, 0.5, 0.1, 11);
        var trained = CollabTrainer.Train(table, new TrainingOptions { Factors = 4, Epochs = 1, ValidPct = 0.3 });
        Assert.True(trained.HeldOut.Count > 0);
        var rated = Enumerable.Range(0, table.Count).ToLookup(r => table.UserIds[table.Users[r]], r => table.ItemIds[table.Items[r]]);
        var predictor = new Predictor(trained);
        int checkedUsers = 0;
        foreach (var ranking in predictor.RecommendMany(trained.Users.Ids.Skip(1), 30))
        {
            if (!ranking.Found)
                continue;
            checkedUsers++;
            Assert.Empty(ranking.Results.Select(r => r.Id).Intersect(rated[ranking.Query]));
        }
        Assert.True(checkedUsers > 30);
    }

    [Fact]
    public void Include_seen_brings_held_out_items_back()
    {
        var table = Some.PlantedRatings(40, 30, 2, 0.5, 0.1, 11);
        var trained = CollabTrainer.Train(table, new TrainingOptions { Factors = 4, Epochs = 1, ValidPct = 0.3 });
        int user = Enumerable.Range(1, trained.Users.Count - 1).First(u => trained.HeldOut.CountOf(u) > 0 && trained.Interactions.CountOf(u) > 0);
        var heldOut = trained.HeldOut.ItemsOf(user).ToArray().Select(i => trained.Items[i]).ToHashSet();
        var all = new Predictor(trained).Recommend(trained.Users[user], trained.Items.Count, includeSeen: true);
        Assert.Contains(all.Results, r => heldOut.Contains(r.Id));
    }
}
