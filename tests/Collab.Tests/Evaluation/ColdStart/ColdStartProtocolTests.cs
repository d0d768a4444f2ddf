using Collab.ColdStart.Metadata;
using Collab.ColdStart.Questions;
using Collab.Data;
using Collab.Evaluation.ColdStart;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Evaluation.ColdStart;

public sealed class ColdStartProtocolTests
{
    private static readonly TrainingOptions Recipe = new() { Factors = 6, Epochs = 10, LearningRate = 1e-2, WeightDecay = 0.05, Seed = 4 };

    [Fact]
    public void Cold_users_improve_with_each_revealed_rating_and_beat_the_item_bias_baseline()
    {
        var table = Some.PlantedRatings(200, 120, 3, 0.3, 0.15, 31);
        var report = ColdStartProtocols.ColdUsers(table, new ColdUserOptions
        {
            Reveals = [0, 5, 20],
            Budgets = [20],
            Training = Recipe,
            Questionnaire = new QuestionnaireOptions { MinRatings = 5 },
        });
        Assert.Equal(40, report.HeldOutUsers);
        Assert.True(report.TestRatings > 0);
        Assert.Equal([0, 5, 20], report.Points.Select(p => p.Reveal));
        var (none, few, many) = (report.Points[0], report.Points[1], report.Points[2]);
        Assert.Equal(none.Random, none.Questionnaire);
        Assert.True(few.Random < none.Random && many.Random < few.Random, "RMSE falls as ratings are revealed");
        Assert.True(many.Questionnaire < none.Questionnaire);
        Assert.True(many.Random < report.ItemBiasOnly - 0.03, $"fold-in {many.Random:F3} vs item bias only {report.ItemBiasOnly:F3}");
        Assert.All(report.Points, p => Assert.InRange(p.RevealedAtRandom, 0, p.Reveal));
        Assert.Equal(20, report.Budgets.Single().Questions);
        Assert.InRange(report.Budgets[0].RatingsByQuestionnaire, 0, 20);
    }

    [Fact]
    public void Cold_items_are_predicted_from_metadata_better_than_the_global_mean_and_ratings_refine_them()
    {
        using var folder = new TempFolder();
        var planted = new PlantedMovieLens(200, 150, 0.25, 7);
        var table = RatingsTable.FromFile(planted.WriteTo(folder.Path));
        var metadata = FeatureSource.MovieLensItems(folder.Combine("u.item"));
        var report = ColdStartProtocols.ColdItems(table, metadata, new ColdItemOptions { Reveals = [0, 5], Training = Recipe });
        Assert.Equal(15, report.HeldOutItems);
        Assert.Equal(0, report.ItemsWithoutMetadata);
        Assert.True(report.Metadata < report.GlobalMean, $"metadata {report.Metadata:F3} vs global mean {report.GlobalMean:F3}");
        Assert.True(report.Metadata < report.MeanItem);
        Assert.True(report.Points[0].MetadataPrior < report.Points[0].MeanItemPrior);
        Assert.True(report.Points[1].MeanItemPrior < report.Points[0].MeanItemPrior);
    }
}
