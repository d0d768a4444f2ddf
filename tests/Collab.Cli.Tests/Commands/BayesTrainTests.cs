using System.Globalization;
using Collab.Cli.Tests.Support;
using Collab.Numerics;
using Collab.Tests.Support;

namespace Collab.Cli.Tests.Commands;

public sealed class BayesTrainTests
{
    // An ML-100k-shaped folder: u1.base and u1.test (tab-separated, no header), u.item ('|', 19 genre flags), u.user.
    private static (string Base, string Test) WriteMl100kFolder(TempFolder folder)
    {
        var random = new SeededRandom(4);
        var lines = new List<string>();
        for (int u = 1; u <= 60; u++)
        {
            foreach (int i in random.Permutation(40)[..15])
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"{u}\t{i + 1}\t{1 + random.NextInt(5)}\t{880000000 + random.NextInt(1000000)}"));
        }
        var basePath = folder.Combine("u1.base");
        var testPath = folder.Combine("u1.test");
        File.WriteAllLines(basePath, lines.Where((_, n) => n % 5 != 0));
        File.WriteAllLines(testPath, lines.Where((_, n) => n % 5 == 0));
        File.WriteAllLines(folder.Combine("u.item"), Enumerable.Range(1, 40).Select(i =>
            $"{i}|Movie {i} (199{i % 10})|01-Jan-199{i % 10}||http://example.org|{string.Join('|', Enumerable.Range(0, 19).Select(g => g == i % 19 || g == (i * 7) % 19 ? "1" : "0"))}"));
        File.WriteAllLines(folder.Combine("u.user"), Enumerable.Range(1, 60).Select(u =>
            $"{u}|{18 + u % 50}|{(u % 2 == 0 ? "M" : "F")}|{(u % 3 == 0 ? "student" : "engineer")}|{10000 + u * 997}"));
        return (basePath, testPath);
    }

    [Fact]
    public void The_bayes_model_reads_the_items_and_users_files_beside_the_ratings_and_serves_predictions()
    {
        using var folder = new TempFolder();
        var (basePath, testPath) = WriteMl100kFolder(folder);
        var model = folder.Combine("m.collab");
        var result = CliRunner.Run("train", basePath, "--valid-file", testPath, "--model", "bayes", "--epochs", "24", "--out", model);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"40 items' attributes from {folder.Combine("u.item")}", result.Output, StringComparison.Ordinal);
        Assert.Contains($"60 users' attributes from {folder.Combine("u.user")}", result.Output, StringComparison.Ordinal);
        Assert.Contains("sweep    kept  train_rmse  valid_rmse  noise_sd  time", result.Output, StringComparison.Ordinal);
        Assert.Contains("24/24", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"9 samples averaged and merged into \d+ factors", result.Output);   // 24 sweeps, a burn-in of 6, every 2nd kept
        var summary = CliRunner.Run("summary", model);
        Assert.Equal(0, summary.ExitCode);
        Assert.Contains("over the features user, rated items, user attributes, item, raters, item attributes", summary.Output, StringComparison.Ordinal);
        var predict = CliRunner.Run("predict", model, "--user", "3", "--item", "7");
        Assert.Equal(0, predict.ExitCode);
        Assert.Matches(@"user 3, item 7: [1-5]\.\d{3}", predict.Output);
    }

    [Fact]
    public void Attribute_files_can_be_left_out_and_a_missing_one_is_a_one_line_error()
    {
        using var folder = new TempFolder();
        var (basePath, _) = WriteMl100kFolder(folder);
        var without = CliRunner.Run("train", basePath, "--model", "bayes", "--epochs", "8", "--items", "none", "--users", "none");
        Assert.True(without.ExitCode == 0, without.Error);
        Assert.DoesNotContain("attributes from", without.Output, StringComparison.Ordinal);
        var missing = CliRunner.Run("train", basePath, "--model", "bayes", "--epochs", "8", "--items", folder.Combine("nope.csv"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("nope.csv does not exist", missing.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recipe_of_another_model_is_refused_with_the_bayes_model()
    {
        var result = CliRunner.Run("train", "--model", "bayes", "--recipe", "lesson");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The lesson recipe trains the dot model, not bayes", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_cross_validates_the_bayes_model_against_the_baselines()
    {
        var result = CliRunner.Run("evaluate", "ml-sample", "--model", "bayes", "--split", "kfold:2", "--epochs", "32");
        Assert.True(result.ExitCode == 0, result.Error);
        static double Rmse(string output, string model) =>
            double.Parse(output.Split('\n').Single(l => l.StartsWith(model + " ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[model.Count(c => c == ' ') + 1], CultureInfo.InvariantCulture);
        Assert.InRange(Rmse(result.Output, "bayes"), 0.5, Rmse(result.Output, "global-mean (baseline)"));
    }

    [Fact]
    public void A_loss_plot_is_refused_for_the_bayes_model_rather_than_promised_and_not_drawn()
    {
        using var folder = new TempFolder();
        var result = CliRunner.Run("train", "--model", "bayes", "--plot", folder.Combine("loss.png"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--plot draws the epoch losses of gradient training", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.Combine("loss.png")));
    }
}
