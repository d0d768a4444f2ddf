using System.Text.Json;
using Collab.Tests.Support;
using Collab.Cli.Tests.Support;

namespace Collab.Cli.Tests.Commands;

public sealed class SynthCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Synth_writes_a_movielens_shaped_file_that_train_can_read()
    {
        var path = _temp.Combine("synth.csv");
        var result = CliRunner.Run("synth", "--users", "200", "--items", "100", "--ratings", "5000", "--seed", "3", "--out", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Wrote 5,000 ratings", result.Output);
        Assert.Contains("synth: 100%", result.Error);
        var lines = File.ReadAllLines(path);
        Assert.Equal("userId,movieId,rating,timestamp", lines[0]);
        Assert.Equal(5_001, lines.Length);

        var train = CliRunner.Run("train", path, "--epochs", "1", "--json");
        Assert.Equal(0, train.ExitCode);
        Assert.Equal(5_000, JsonDocument.Parse(train.Output).RootElement.GetProperty("rows").GetInt32());
    }

    [Fact]
    public void Synth_with_json_prints_what_it_wrote_and_the_same_seed_writes_the_same_bytes()
    {
        var first = _temp.Combine("a.csv");
        var second = _temp.Combine("b.csv");
        var result = CliRunner.Run("synth", "--users", "50", "--items", "40", "--ratings", "700", "--out", first, "--json");
        CliRunner.Run("synth", "--users", "50", "--items", "40", "--ratings", "700", "--out", second, "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(700, json.GetProperty("ratings").GetInt64());
        Assert.Equal(new FileInfo(first).Length, json.GetProperty("bytes").GetInt64());
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
    }

    [Fact]
    public void Impossible_sizes_are_one_clear_error_and_leave_no_file()
    {
        var path = _temp.Combine("none.csv");
        var result = CliRunner.Run("synth", "--users", "10", "--items", "10", "--ratings", "500", "--out", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: Ratings cannot exceed users x items (100)", result.Error);
        Assert.False(File.Exists(path));
    }
}
