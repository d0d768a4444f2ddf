using System.Text.Json;
using Collab.Cli.Tests.Support;

namespace Collab.Cli.Tests.Commands;

public sealed class RecommendCommandTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public void Recommend_lists_n_unseen_items_with_titles_found_beside_the_dataset()
    {
        var result = CliRunner.Run("recommend", models.Sample, "--user", "73", "-n", "5", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        // "items", as the HTTP API names its rankings.
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.All(items, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("title").GetString())));
        var scores = items.Select(r => r.GetProperty("score").GetSingle()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public void Recommend_prints_a_table_for_people()
    {
        var result = CliRunner.Run("recommend", models.Sample, "--user", "73");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("items user '73' has not rated", result.Output);
        Assert.Contains("predicted", result.Output);
    }

    [Fact]
    public void Below_the_index_threshold_exact_is_what_runs_anyway_and_bad_knobs_are_refused()
    {
        var byDefault = CliRunner.Run("recommend", models.Sample, "--user", "73", "-n", "5", "--json");
        var exact = CliRunner.Run("recommend", models.Sample, "--user", "73", "-n", "5", "--json", "--exact");
        Assert.Equal(0, exact.ExitCode);
        Assert.Equal(byDefault.Output, exact.Output);
        Assert.DoesNotContain("HNSW", byDefault.Error);

        var bad = CliRunner.Run("recommend", models.Sample, "--user", "73", "--candidates", "0");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--candidates must be at least 1", bad.Error);
    }

    [Fact]
    public void An_unknown_user_is_a_clear_error_with_exit_code_1()
    {
        var result = CliRunner.Run("recommend", models.Sample, "--user", "no-such-user");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("user 'no-such-user' is not in the model's training data", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void Batch_mode_writes_n_rows_per_known_user_to_csv_and_notes_the_unknown()
    {
        var users = Path.Combine(models.Folder, "users.txt");
        File.WriteAllLines(users, ["userId", "73", "15", "nobody", "268"]);
        var output = Path.Combine(models.Folder, "recommendations.csv");
        var result = CliRunner.Run("recommend", models.Sample, "--users-file", users, "-n", "1", "--out", output);
        Assert.Equal(0, result.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.StartsWith("user,rank,item,predicted", lines[0], StringComparison.Ordinal);
        Assert.Equal(1 + 3, lines.Length);
        Assert.Equal(["73", "15", "268"], lines.Skip(1).Select(l => l.Split(',')[0]).Distinct());
        Assert.Contains("1 of 4 users are not in the model's training data", result.Error);
        Assert.Contains("users/s", result.Error);
    }

    [Fact]
    public void Similar_items_leave_out_the_item_itself_and_unknown_items_fail_clearly()
    {
        var result = CliRunner.Run("similar", models.Sample, "--item", "260", "-n", "5", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var ids = json.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(5, ids.Count);
        Assert.DoesNotContain("260", ids);

        var users = CliRunner.Run("similar", models.Sample, "--user", "73", "-n", "3");
        Assert.Equal(0, users.ExitCode);
        Assert.Contains("users nearest to user '73'", users.Output);
        var usersJson = CliRunner.Run("similar", models.Sample, "--user", "73", "-n", "3", "--json");
        using (var nearest = JsonDocument.Parse(usersJson.Output))
            Assert.Equal(3, nearest.RootElement.GetProperty("users").GetArrayLength());

        var unknown = CliRunner.Run("similar", models.Sample, "--item", "999999999");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("item '999999999' is not in the model's training data", unknown.Error);
    }
}
