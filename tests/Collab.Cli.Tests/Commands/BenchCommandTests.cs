using System.Text.Json;
using Collab.Cli.Tests.Support;

namespace Collab.Cli.Tests.Commands;

public sealed class BenchCommandTests
{
    [Fact]
    public void Bench_measures_every_stage_and_reports_json()
    {
        var result = CliRunner.Run("bench", "--ratings", "20000", "--seconds", "0.5", "--threads", "1,2", "--json");
        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.Output).RootElement;
        Assert.Equal(2, json.GetProperty("memoryBandwidth").GetArrayLength());
        Assert.All(json.GetProperty("memoryBandwidth").EnumerateArray(), b =>
        {
            Assert.True(b.GetProperty("copyGigabytesPerSecond").GetDouble() > 0);
            Assert.True(b.GetProperty("updateGigabytesPerSecond").GetDouble() > 0);
            Assert.True(b.GetProperty("fmaGigaflopsPerSecond").GetDouble() > 0);
        });
        var load = json.GetProperty("load");
        Assert.Equal(20_000, load.GetProperty("rows").GetInt32());
        Assert.True(load.GetProperty("synthetic").GetBoolean());
        Assert.False(File.Exists(load.GetProperty("file").GetString()), "the synthetic file is deleted");
        var training = json.GetProperty("training").EnumerateArray().ToList();
        Assert.Equal(["exact/1", "exact/2", "fast/1", "fast/2"], training.Select(t => $"{t.GetProperty("mode").GetString()}/{t.GetProperty("threads").GetInt32()}"));
        Assert.All(training, t =>
        {
            // At least one whole epoch of the 16,000 training rows was trained, and the rate is what was trained over the time.
            long ratings = t.GetProperty("ratings").GetInt64();
            double seconds = t.GetProperty("seconds").GetDouble();
            Assert.True(ratings >= 16_000, $"only {ratings} ratings trained");
            Assert.True(t.GetProperty("wholeEpoch").GetBoolean());
            Assert.Equal(ratings / seconds, t.GetProperty("ratingsPerSecond").GetDouble(), 0.01 * ratings / seconds);
            Assert.True(t.GetProperty("bytesPerRating").GetDouble() > 0);
            Assert.True(t.GetProperty("fractionOfBound").GetDouble() > 0);
            Assert.True(t.GetProperty("flopsPerRating").GetDouble() > 0);
            Assert.True(t.GetProperty("fractionOfComputeBound").GetDouble() > 0);
        });
    }

    [Fact]
    public void Bench_in_a_table_names_the_columns_and_unknown_modes_are_refused()
    {
        var table = CliRunner.Run("bench", "--ratings", "5000", "--seconds", "0.2", "--modes", "fast", "--threads", "1");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("copy GB/s", table.Output);
        Assert.Contains("in-place update GB/s", table.Output);
        Assert.Contains("ratings/s", table.Output);
        Assert.Contains("of bound", table.Output);
        Assert.Contains("FMA GFLOP/s", table.Output);
        Assert.Contains("of compute", table.Output);
        Assert.Contains("bench: loading", table.Error);

        var refused = CliRunner.Run("bench", "--modes", "turbo");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("'turbo' is not a training mode", refused.Error);
    }
}
