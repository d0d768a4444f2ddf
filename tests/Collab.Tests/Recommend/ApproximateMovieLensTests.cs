using Collab.Data;
using Collab.Numerics;
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
        var trained = SmallModel.Over(data, 50, new SeededRandom(3), std: 0.3f);

        var byDefault = new Predictor(trained);
        var exact = new Predictor(trained, ApproximateOptions.Exact);

        Assert.False(byDefault.UsesIndex);
        var users = data.Users.Ids.Skip(1).Take(50).ToArray();
        Assert.Equal(exact.RecommendMany(users, 10).SelectMany(r => r.Results), byDefault.RecommendMany(users, 10).SelectMany(r => r.Results));
        foreach (var item in data.Items.Ids.Skip(1).Take(20))
            Assert.Equal(exact.SimilarItems(item, 10).Results, byDefault.SimilarItems(item, 10).Results);
    }
}
