using System.Text.Json;
using Collab.Tests.Support;
using Collab.Cli.Tests.Support;

namespace Collab.Cli.Tests.Commands;

public sealed class EvaluateCommandTests
{
    [Fact]
    public void Evaluate_prints_mean_and_spread_over_folds_beside_baselines_and_states_the_ranking_protocol()
    {
        var result = CliRunner.Run("evaluate", "ml-sample", "--split", "kfold:3", "--epochs", "1", "--metrics", "rmse,ndcg@10");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3-fold cross-validation", result.Output);
        Assert.Contains("no sampled negatives", result.Output);
        var lines = result.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("dot ", StringComparison.Ordinal) && l.Contains(" ± ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("global-mean (baseline)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("most-popular (baseline)", StringComparison.Ordinal));
        Assert.Contains("fold 3/3", result.Error);
    }

    [Fact]
    public void Evaluate_json_reports_every_run()
    {
        var result = CliRunner.Run("evaluate", "ml-sample", "--model", "nn", "--epochs", "1", "--seeds", "2", "--metrics", "rmse,recall@5", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("runs").GetInt32());
        var nn = root.GetProperty("models")[0];
        Assert.Equal("nn", nn.GetProperty("name").GetString());
        Assert.Equal(2, nn.GetProperty("metrics").GetProperty("rmse").GetProperty("values").GetArrayLength());
        Assert.True(nn.GetProperty("metrics").GetProperty("recall@5").GetProperty("mean").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.Number, nn.GetProperty("metrics").GetProperty("rmse").GetProperty("std").ValueKind);
        Assert.Empty(result.Error);
    }

    [Fact]
    public void Evaluate_learns_from_a_file_without_ratings()
    {
        using var folder = new TempFolder();
        var lines = new List<string> { "user,item,time" };
        for (int u = 0; u < 40; u++)
        {
            for (int i = 0; i < 8; i++)
                lines.Add($"u{u},{(u % 2 == 0 ? "even" : "odd")}{(i + u) % 10},{i}");
        }
        var path = folder.File("bought.csv", string.Join('\n', lines) + "\n");
        var result = CliRunner.Run("evaluate", path, "--no-ratings", "--model", "bpr", "--split", "last", "--epochs", "3", "--bs", "16");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("320 rows of implicit feedback", result.Output);
        Assert.Contains("leave-last-out", result.Output);
        Assert.Contains(result.Output.Split('\n'), l => l.StartsWith("bpr ", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_on_a_given_train_and_test_file_holds_out_exactly_the_test_rows()
    {
        using var folder = new TempFolder();
        var train = new List<string>();
        var test = new List<string>();
        for (int u = 0; u < 12; u++)
        {
            for (int i = 0; i < 6; i++)
                train.Add($"{u}\t{(u + i) % 9}\t{1 + (u * 7 + i) % 5}");
            test.Add($"{u}\t{(u + 7) % 9}\t{1 + u % 5}");
        }
        test.Add("3\t0\t4");
        var trainPath = folder.File("u1.base", string.Join('\n', train) + "\n");
        var testPath = folder.File("u1.test", string.Join('\n', test) + "\n");

        var result = CliRunner.Run("evaluate", trainPath, "--valid-file", testPath, "--epochs", "1", "--bs", "8", "--metrics", "rmse,ndcg@5", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(13, root.GetProperty("testRows").GetDouble());
        Assert.Equal(72, root.GetProperty("trainRows").GetDouble());
        Assert.Contains("given split", root.GetProperty("split").GetString());

        var table = CliRunner.Run("evaluate", trainPath, "--valid-file", testPath, "--epochs", "1", "--bs", "8");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("72 training rows, 13 held out", table.Output);

        var both = CliRunner.Run("evaluate", trainPath, "--valid-file", testPath, "--split", "time");
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("--valid-file", both.Error);
    }

    [Fact]
    public void Evaluate_an_implicit_model_on_a_stratified_split_reports_precision_recall_ndcg_and_map_at_10_beside_most_popular()
    {
        var result = CliRunner.Run("evaluate", "ml-sample", "--model", "bpr", "--implicit", "4", "--split", "stratified", "--valid-pct", "0.25", "--epochs", "1", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Contains("stratified by user, 25%", root.GetProperty("split").GetString());
        Assert.Contains("not interacted with in training", root.GetProperty("rankingProtocol").GetString());
        var models = root.GetProperty("models").EnumerateArray().ToArray();
        Assert.Equal(["bpr", "most-popular"], models.Select(m => m.GetProperty("name").GetString()));
        Assert.All(models, m => Assert.Equal(["precision@10", "recall@10", "ndcg@10", "map@10"], m.GetProperty("metrics").EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public void A_rating_model_asked_for_on_implicit_feedback_is_refused_in_one_line()
    {
        var result = CliRunner.Run("evaluate", "ml-sample", "--model", "dot", "--implicit", "4");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Use ials, ease, bpr or bce", result.Error);
    }

    [Theory]
    [InlineData("--split", "shuffle", "--split: 'shuffle' is not a split")]
    [InlineData("--model", "svd", "--model 'svd' is not known")]
    [InlineData("--metrics", "auc", "'auc' is not a metric")]
    public void Evaluate_explains_a_wrong_request_in_one_line(string option, string value, string message)
    {
        var result = CliRunner.Run("evaluate", "ml-sample", option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Fact]
    public void A_file_without_ratings_is_evaluated_with_the_implicit_default_and_ranking_metrics()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("purchases.csv");
        var random = new Random(3);
        File.WriteAllLines(path, ["user,item", .. Enumerable.Range(0, 60).SelectMany(u => Enumerable.Range(0, 8).Select(_ => $"u{u},p{(u % 3) * 10 + random.Next(10)}")).Distinct()]);
        var result = CliRunner.Run("evaluate", path, "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var names = json.RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Contains("ials", names);
        Assert.Contains("ndcg@10", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("rmse", result.Output, StringComparison.OrdinalIgnoreCase);
    }
}
