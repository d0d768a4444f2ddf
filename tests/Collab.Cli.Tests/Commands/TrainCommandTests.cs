using System.Text.Json;
using System.Text.RegularExpressions;
using Collab.Tests.Support;
using Collab.Cli.Tests.Support;

namespace Collab.Cli.Tests.Commands;

public sealed class TrainCommandTests
{
    [Fact]
    public void Train_without_arguments_runs_the_accurate_recipe_on_the_sample_with_the_first_seeds_epoch_table()
    {
        var result = CliRunner.Run("train");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Contains("6,031 ratings", result.Output);
        Assert.Contains(lines, l => l.StartsWith("epoch  train_loss  valid_loss  time", StringComparison.Ordinal));
        Assert.Equal(5, lines.Count(l => Regex.IsMatch(l, @"^\d\s+\d+\.\d{6}\s+\d+\.\d{6}\s+\d\d:\d\d")));
        Assert.Equal(10, lines.Count(l => Regex.IsMatch(l, @"^seed \d+ \(\d+/10\): valid RMSE \d\.\d{4}")));
        Assert.Contains(lines, l => Regex.IsMatch(l, @"^10 seeds merged into \d+ factors"));
    }

    [Fact]
    public void Training_on_every_row_prints_no_nan_and_says_there_was_no_validation_once()
    {
        var result = CliRunner.Run("train", "--valid-pct", "0", "--ensemble", "3", "--epochs", "2");
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("nan", result.Output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("n/a", result.Output, StringComparison.Ordinal);
        Assert.Single(result.Output.Split('\n'), l => l.StartsWith("No validation rows: trained on all 6,031 rows", StringComparison.Ordinal));
    }

    [Fact]
    public void A_given_validation_file_is_counted_apart_from_the_training_file()
    {
        using var folder = new TempFolder();
        var train = folder.Combine("train.csv");
        var valid = folder.Combine("valid.csv");
        File.WriteAllLines(train, ["user,item,rating", "a,x,4", "b,y,5", "a,y,3"]);
        File.WriteAllLines(valid, ["user,item,rating", "a,z,4"]);
        var result = CliRunner.Run("train", train, "--valid-file", valid, "--recipe", "lesson");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"3 ratings from {train} and 1 for validation from {valid}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_help_names_every_model_kind()
    {
        var result = CliRunner.Run("train", "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var kind in new[] { "dot", "nn", "ials", "ease", "bpr", "bce" })
            Assert.Contains(kind, result.Output, StringComparison.Ordinal);
        Assert.Contains("--valid-pct", result.Output, StringComparison.Ordinal);
        Assert.Contains("production model", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_recipe_beats_fastais_defaults_and_the_lessons_recipe_on_the_sample()
    {
        double accurate = ValidRmse("train", "--json");
        double fastai = ValidRmse("train", "--recipe", "fastai", "--json");
        double lesson = ValidRmse("train", "--recipe", "lesson", "--json");
        Assert.True(accurate < fastai && accurate < lesson, $"accurate {accurate}, fastai {fastai}, lesson {lesson}");
    }

    [Fact]
    public void An_ensemble_saves_as_one_model_that_predicts_like_the_reported_merge()
    {
        using var folder = new Collab.Tests.Support.TempFolder();
        var model = folder.Combine("merged.collab");
        var train = CliRunner.Run("train", "--ensemble", "3", "--factors", "20", "--out", model, "--json");
        Assert.True(train.ExitCode == 0, train.Error);
        var ensemble = JsonDocument.Parse(train.Output).RootElement.GetProperty("ensemble");
        Assert.Equal(3, ensemble.GetProperty("members").GetInt32());
        var summary = CliRunner.Run("summary", model, "--json");
        Assert.True(summary.ExitCode == 0, summary.Error);
        double saved = JsonDocument.Parse(summary.Output).RootElement.GetProperty("training").GetProperty("validRmse").GetDouble();
        Assert.Equal(ensemble.GetProperty("validRmse").GetDouble(), saved, 6);
    }

    [Fact]
    public void An_unknown_recipe_is_a_user_error_naming_the_known_ones()
    {
        var result = CliRunner.Run("train", "--recipe", "best");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("'accurate', 'ensemble', 'lesson', 'fastai'", result.Error);
    }

    private static double ValidRmse(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonDocument.Parse(result.Output).RootElement.GetProperty("validRmse").GetDouble();
    }
}
