using Collab.ColdStart;
using Collab.ColdStart.Metadata;
using Collab.Data;
using Collab.Evaluation.Metrics;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.ColdStart.Metadata;

public sealed class MetadataModelTests
{
    private static readonly TrainingOptions Recipe = new() { Factors = 6, Epochs = 15, LearningRate = 1e-2, WeightDecay = 0.05, Seed = 3, ValidPct = 0.05 };

    [Fact]
    public void Places_held_out_items_from_their_genre_and_year_better_than_the_mean_item()
    {
        using var folder = new TempFolder();
        var planted = new PlantedMovieLens(300, 150, 0.25, 11);
        var trained = CollabTrainer.Train(RatingsTable.FromFile(planted.WriteTo(folder.Path, r => r.Item % 10 != 0)), Recipe);
        var features = FeatureSource.MovieLensItems(folder.Combine("u.item")).Encode(FeatureColumn.MovieLensItems);
        var metadata = MetadataModel.ForItems(trained, features);
        var foldIn = new FoldIn(trained);
        ErrorSum fromMetadata = default, fromMean = default;
        foreach (var (user, item, rating) in planted.Ratings.Where(r => r.Item % 10 == 0))
        {
            if (!trained.Users.TryGetIndex(user.ToString(), out int u))
                continue;
            Assert.True(metadata.TryGetPrior(item.ToString(), out var prior));
            fromMetadata.Add(prior.Mean.RatedByUser(trained.Factors!, u) - rating);
            fromMean.Add(foldIn.ItemPrior.Mean.RatedByUser(trained.Factors!, u) - rating);
        }
        Assert.True(fromMetadata.Rmse < 0.8 * fromMean.Rmse, $"metadata {fromMetadata.Rmse:F3} vs mean item {fromMean.Rmse:F3}");
    }

    [Fact]
    public void Places_a_new_user_from_their_occupation_better_than_the_population_prior_and_blends_into_fold_in()
    {
        using var folder = new TempFolder();
        var planted = new PlantedMovieLens(300, 150, 0.25, 12);
        var trained = CollabTrainer.Train(RatingsTable.FromFile(planted.WriteTo(folder.Path, r => r.User % 10 != 0)), Recipe);
        var users = FeatureSource.MovieLensUsers(folder.Combine("u.user"));
        var features = users.Encode(FeatureColumn.MovieLensUsers);
        var metadata = MetadataModel.ForUsers(trained, features);
        var foldIn = new FoldIn(trained);
        ErrorSum fromMetadata = default, fromPopulation = default;
        double blendGap = 0, priorGap = 0;
        foreach (var group in planted.Ratings.Where(r => r.User % 10 == 0).GroupBy(r => r.User))
        {
            // A new user's answers about themselves, encoded as the trained users' metadata was.
            var about = users.Columns.ToDictionary(c => c, c => users.Value(group.Key.ToString(), c) ?? "");
            var prior = metadata.Prior(features.Encode(about));
            var ratings = group.ToDictionary(r => r.Item.ToString(), r => (float)r.Rating);
            var byMetadata = foldIn.User([], prior);
            var byPopulation = foldIn.User([]);
            foreach (var (item, rating) in ratings)
            {
                fromMetadata.Add(byMetadata.Predict(item) - rating);
                fromPopulation.Add(byPopulation.Predict(item) - rating);
            }
            // With every rating folded in, the starting point matters much less than with none.
            var blended = foldIn.User(ratings, prior);
            var plain = foldIn.User(ratings);
            blendGap += ratings.Keys.Average(i => Math.Abs(blended.Predict(i) - plain.Predict(i)));
            priorGap += ratings.Keys.Average(i => Math.Abs(byMetadata.Predict(i) - byPopulation.Predict(i)));
        }
        Assert.True(fromMetadata.Rmse < 0.8 * fromPopulation.Rmse, $"metadata {fromMetadata.Rmse:F3} vs population {fromPopulation.Rmse:F3}");
        Assert.True(blendGap < 0.25 * priorGap, $"gap with all ratings {blendGap:F3} vs with none {priorGap:F3}");
    }

    [Fact]
    public void Needs_trained_rows_with_metadata()
    {
        using var folder = new TempFolder();
        var trained = CollabTrainer.Train(Some.PlantedRatings(30, 20, 2, 0.5, 0.2, 1), Recipe with { Epochs = 1 });
        var path = folder.File("features.csv", "id,colour\nnobody,red\nnothing,blue\n");
        var features = FeatureSource.FromCsv(path, "id").Encode([new FeatureColumn("colour")]);
        var error = Assert.Throws<ArgumentException>(() => MetadataModel.ForItems(trained, features));
        Assert.Contains("ids match", error.Message, StringComparison.Ordinal);
    }
}
