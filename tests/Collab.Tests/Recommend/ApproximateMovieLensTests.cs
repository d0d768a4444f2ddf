using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Recommend.Approximate;
using Collab.Tests.Support;

namespace Collab.Tests.Recommend;

public sealed class ApproximateMovieLensTests
{
    [Fact]
    public void On_ml_latest_small_s_catalog_the_default_scans_every_item_and_answers_as_the_exact_scan()
    {
        var table = RatingsTable.FromFile(SharedData.Path("data", "ml-latest-small", "ratings.csv"));
        var data = CollabData.FromTable(table, 0.2, 42);
        var random = new SeededRandom(3);
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = 50 }, random);
        foreach (var tensor in model.Parameters)
            FoldedNormal.Fill(tensor.Values, random, std: 0.3f);
        var trained = new TrainedModel(model, data.Users, data.Items, InteractionIndex.FromRatings(data.Train, data.Users.Count), new TrainingSummary());

        var byDefault = new Predictor(trained);
        var exact = new Predictor(trained, ApproximateOptions.Exact);

        Assert.False(byDefault.UsesIndex);
        var users = data.Users.Ids.Skip(1).Take(50).ToArray();
        Assert.Equal(exact.RecommendMany(users, 10).SelectMany(r => r.Results), byDefault.RecommendMany(users, 10).SelectMany(r => r.Results));
        foreach (var item in data.Items.Ids.Skip(1).Take(20))
            Assert.Equal(exact.SimilarItems(item, 10).Results, byDefault.SimilarItems(item, 10).Results);
    }
}
