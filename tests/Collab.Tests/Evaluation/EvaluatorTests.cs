using Collab.Data;
using Collab.Evaluation;
using Collab.Tests.Support;
using Collab.Training;
using Collab.Models;

namespace Collab.Tests.Evaluation;

/// <summary>The evaluator on the lesson's sample (6,031 ratings), with short trainings.</summary>
public sealed class EvaluatorTests
{
    private static readonly Lazy<RatingsTable> Sample = new(() => RatingsTable.FromFile(SharedData.Path("data", "movie_lens_sample", "ratings.csv")));

    [Fact]
    public void K_fold_reports_every_fold_with_mean_and_spread_beside_the_baselines()
    {
        var report = Evaluator.Run(Sample.Value, new EvaluationOptions
        {
            Split = SplitProtocol.Parse("kfold:3"),
            Metrics = Metric.Parse("rmse,mae,ndcg@10"),
            Training = new TrainingOptions { Epochs = 2 },
        });

        Assert.Equal(3, report.Runs);
        Assert.Equal(["dot", "global-mean", "user-item-bias", "most-popular"], report.Models.Select(m => m.Name));
        var dot = report.Models[0];
        Assert.False(dot.IsBaseline);
        Assert.Equal(3, dot["rmse"]!.Values.Count);
        Assert.True(dot["rmse"]!.StdDev > 0);
        Assert.Equal(3, dot.TrainSeconds!.Values.Count);
        // Folds partition the rows, so every row is held out once.
        Assert.Equal(Sample.Value.Count / 3.0, report.TestRows, 0);
        Assert.True(dot["rmse"]!.Mean < report.Models[1]["rmse"]!.Mean, "the trained model beats the global mean");
        Assert.Null(report.Models[1]["ndcg@10"]);
        Assert.Null(report.Models[3]["rmse"]);
        Assert.Null(report.Models[3].TrainSeconds);
    }

    [Fact]
    public void Implicit_evaluation_has_only_ranking_metrics_and_the_popularity_baseline()
    {
        var report = Evaluator.Run(Sample.Value, new EvaluationOptions
        {
            Model = ModelKind.Bce,
            Split = SplitProtocol.Parse("last"),
            ImplicitThreshold = 4,
            Training = Recipes.ForModel(ModelKind.Bce) with { Epochs = 2 },
            Seeds = 2,
        });

        Assert.True(report.Implicit);
        Assert.Equal(2, report.Runs);
        Assert.Equal(["bce", "most-popular"], report.Models.Select(m => m.Name));
        Assert.DoesNotContain(report.Models[0].Metrics, m => m.Name is "rmse" or "mae");
        Assert.Equal(report.UsersEvaluated, report.TestRows);
        Assert.Equal(0, report.Models[1]["ndcg@10"]!.StdDev);
    }

    [Fact]
    public void Rating_models_are_refused_on_implicit_feedback()
    {
        var error = Assert.Throws<ArgumentException>(() => Evaluator.Run(Sample.Value, new EvaluationOptions { Model = ModelKind.Nn, ImplicitThreshold = 4 }));
        Assert.Contains("Use bpr or bce", error.Message);
    }
}
