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
    public void Implicit_evaluation_defaults_to_precision_recall_ndcg_and_map_at_10_for_the_model_and_most_popular()
    {
        var options = new EvaluationOptions
        {
            Model = ModelKind.Bpr,
            Split = SplitProtocol.Parse("stratified", 0.25),
            ImplicitThreshold = 4,
            Training = Recipes.ForModel(ModelKind.Bpr) with { Epochs = 1 },
        };
        Assert.Equal(Metric.ImplicitDefaults, options.Metrics);
        var report = Evaluator.Run(Sample.Value, options);

        string[] expected = ["precision@10", "recall@10", "ndcg@10", "map@10"];
        Assert.Equal(["bpr", "most-popular"], report.Models.Select(m => m.Name));
        Assert.All(report.Models, m => Assert.Equal(expected, m.Metrics.Select(s => s.Name)));
        Assert.All(report.Models.SelectMany(m => m.Metrics), s => Assert.InRange(s.Mean, 0, 1));
        Assert.True(report.Models[1]["map@10"]!.Mean > 0, "most-popular retrieves something");
        Assert.Equal(Metric.Defaults, new EvaluationOptions().Metrics);
    }

    [Fact]
    public void A_given_split_is_evaluated_as_it_is_and_binarising_keeps_its_sides()
    {
        var table = Sample.Value;
        var given = DataSplit.LeaveLastOut(table);
        var options = new EvaluationOptions { Training = new TrainingOptions { Epochs = 1 }, Metrics = Metric.Parse("rmse,ndcg"), Seeds = 2 };
        var report = Evaluator.RunOnSplit(table, given, options);
        Assert.Equal(2, report.Runs);
        Assert.Equal(given.Valid.Length, report.TestRows);
        Assert.Equal(given.Train.Length, report.TrainRows);
        Assert.Contains("given split", report.Split);

        var positives = Evaluator.RunOnSplit(table, given, new EvaluationOptions { Model = ModelKind.Bce, ImplicitThreshold = 4, Training = Recipes.ForModel(ModelKind.Bce) with { Epochs = 1 } });
        Assert.Equal(given.Valid.Count(r => table.Ratings[r] >= 4), positives.TestRows);
        Assert.Equal(given.Train.Count(r => table.Ratings[r] >= 4), positives.TrainRows);
    }

    [Fact]
    public void Rating_models_are_refused_on_implicit_feedback()
    {
        var error = Assert.Throws<ArgumentException>(() => Evaluator.Run(Sample.Value, new EvaluationOptions { Model = ModelKind.Nn, ImplicitThreshold = 4 }));
        Assert.Contains("Use ials, ease, bpr or bce", error.Message);
    }
}
