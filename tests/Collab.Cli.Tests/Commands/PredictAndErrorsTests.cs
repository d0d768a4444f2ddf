using System.Diagnostics;
using System.Text.Json;
using Collab.Tests.Support;
using Collab.Cli.Tests.Support;

namespace Collab.Cli.Tests.Commands;

public sealed class PredictAndErrorsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Train_on_a_100k_style_file_with_json_then_predict_one_pair_and_a_file_of_pairs()
    {
        var data = _temp.File("u.data", PlantedTsv());
        var model = _temp.Combine("m.collab");
        var train = CliRunner.Run("train", data, "--valid-pct", "0.2", "--seed", "42", "--factors", "8", "--y-range", "0,5.5", "--epochs", "2", "--lr", "5e-3", "--wd", "0.1", "--out", model, "--json");
        Assert.Equal(0, train.ExitCode);
        using var json = JsonDocument.Parse(train.Output);
        Assert.Equal(2, json.RootElement.GetProperty("epochs").GetArrayLength());
        Assert.True(json.RootElement.GetProperty("validRmse").GetDouble() > 0);
        Assert.Equal(8, json.RootElement.GetProperty("options").GetProperty("factors").GetInt32());
        Assert.True(File.Exists(model));

        var one = CliRunner.Run("predict", model, "--user", "3", "--item", "4");
        Assert.Equal(0, one.ExitCode);
        Assert.Matches(@"^user 3, item 4: \d\.\d{3} \(from the trained", one.Output);

        var pairs = _temp.File("pairs.csv", "userId,movieId\n3,4\n999,4\n1,2\n");
        var output = _temp.Combine("predictions.csv");
        var many = CliRunner.Run("predict", model, "--pairs", pairs, "--out", output);
        Assert.Equal(0, many.ExitCode);
        var lines = File.ReadAllLines(output);
        Assert.Equal("user,item,prediction,basis", lines[0]);
        Assert.Equal(["3,4,", "999,4,", "1,2,"], lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..2]) + ","));
        Assert.EndsWith("UnknownUser", lines[2]);
        Assert.Contains("1 of 3 pairs", many.Error);
    }

    [Theory]
    [InlineData("u,i,r\n1,2,abc\n", "line 2, field 'r'")]
    [InlineData("", "the file is empty")]
    [InlineData("u,i,r\n", "header but no ratings")]
    public void Bad_ratings_files_give_one_line_and_exit_code_1(string contents, string expected)
    {
        var path = _temp.File("bad.csv", contents);
        var result = CliRunner.Run("train", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--y-range", "5,1", "--y-range")]
    [InlineData("--epochs", "0", "Epochs must be at least 1")]
    [InlineData("--mode", "turbo", "--mode 'turbo'")]
    public void Bad_options_are_user_errors(string option, string value, string expected)
    {
        var result = CliRunner.Run("train", "ml-sample", option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public void An_unknown_source_names_the_datasets_there_are()
    {
        var result = CliRunner.Run("train", "no-such-thing");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ml-latest-small", result.Error);
    }

    [Fact]
    public void A_damaged_model_file_is_a_user_error()
    {
        var path = _temp.File("m.collab", "COLLABMF garbage");
        var result = CliRunner.Run("predict", path, "--user", "1", "--item", "2");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("m.collab", result.Error);
    }

    [Fact]
    public void Datasets_lists_the_catalog_and_finds_the_shared_copies()
    {
        var result = CliRunner.Run("datasets", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var byName = json.RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("name").GetString()!);
        Assert.True(byName["ml-latest-small"].GetProperty("present").GetBoolean());
        Assert.False(byName["ml-25m"].GetProperty("present").GetBoolean());
    }

    [Fact]
    public void Help_shows_every_training_option_with_its_default()
    {
        var result = CliRunner.Run("train", "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--valid-pct", "--seed", "--factors", "--y-range", "--epochs", "--lr", "--wd", "--bs", "--out", "--json" })
            Assert.Contains(option, result.Output);
        Assert.Contains("[default: 0.2]", result.Output);
        Assert.Contains("[default: accurate]", result.Output);
        Assert.Contains("accurate: 0,5.75; lesson, fastai: 0,5.5", result.Output);
    }

    [Fact]
    public void Help_calls_the_program_collab_at_the_top_and_in_every_command()
    {
        var top = CliRunner.Run("--help");
        Assert.Equal(0, top.ExitCode);
        Assert.Contains("Usage:\n  collab [command] [options]", top.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Collab.Cli", top.Output, StringComparison.Ordinal);
        Assert.Contains("serve", top.Output, StringComparison.Ordinal);
        var train = CliRunner.Run("train", "--help");
        Assert.Contains("collab train", train.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Collab.Cli", train.Output, StringComparison.Ordinal);
        var version = CliRunner.Run("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+", version.Output);
    }

    [Fact]
    public async Task Ctrl_c_stops_after_the_current_batch_and_still_saves_the_model()
    {
        var data = _temp.File("big.tsv", PlantedTsv(users: 300, items: 300));
        var model = _temp.Combine("stopped.collab");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { CliRunner.CliPath, "train", data, "--epochs", "500", "--out", model })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await Task.Delay(2500);
        Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]).WaitForExit();
        Assert.True(process.WaitForExit(30_000), "the program did not stop after Ctrl+C");
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await error}");
        Assert.Contains("Stopped early", await output);
        Assert.True(File.Exists(model));
    }

    private static string PlantedTsv(int users = 40, int items = 30)
    {
        var random = new Random(5);
        var lines = new List<string>();
        for (int u = 1; u <= users; u++)
        {
            for (int i = 1; i <= items; i++)
            {
                if (random.NextDouble() < 0.5)
                    lines.Add($"{u}\t{i}\t{1 + (u * i % 5)}\t{880000000 + lines.Count}");
            }
        }
        return string.Join('\n', lines) + "\n";
    }
}
