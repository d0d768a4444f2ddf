using System.Text.Json;
using Collab.Cli.Tests.Support;

namespace Collab.Cli.Tests.Commands;

public sealed class ExplainCommandTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Fact]
    public void On_ml_latest_small_the_highest_biases_are_well_known_films()
    {
        var result = CliRunner.Run("explain", models.LatestSmall, "--biases", "-n", "5", "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var top = json.RootElement.GetProperty("highestBias").EnumerateArray().Select(e => e.GetProperty("title").GetString()).ToList();
        Assert.Contains("Shawshank Redemption, The (1994)", top);
        var lowest = json.RootElement.GetProperty("lowestBias").EnumerateArray().ToList();
        Assert.All(lowest, e => Assert.True(e.GetProperty("meanRating").GetDouble() < 3.2));
    }

    [Fact]
    public void Pca_lists_each_component_and_saves_a_png_scatter()
    {
        var plot = Path.Combine(models.Folder, "pca.png");
        var result = CliRunner.Run("explain", models.Sample, "--pca", "3", "-n", "4", "--plot", plot);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("component 3:", result.Output);
        Assert.Equal(PngSignature, File.ReadAllBytes(plot)[..4]);
    }

    [Fact]
    public void Explain_without_a_question_or_with_too_many_components_is_a_user_error()
    {
        Assert.Equal(1, CliRunner.Run("explain", models.Sample).ExitCode);
        var tooMany = CliRunner.Run("explain", models.Sample, "--pca", "51");
        Assert.Equal(1, tooMany.ExitCode);
        Assert.Contains("--pca takes 1 to 50 components", tooMany.Error);
    }

    [Fact]
    public void Summary_names_the_lessons_parts_and_counts_parameters()
    {
        var result = CliRunner.Run("summary", models.Sample);
        Assert.Equal(0, result.ExitCode);
        foreach (var word in new[] { "input", "parameter", "activation", "output", "loss", "u_weight", "i_bias", "sigmoid" })
            Assert.Contains(word, result.Output);
        // movie_lens_sample: 100 users and 100 items (+ #na#), 50 factors plus a bias each.
        Assert.Contains("Parameters: 10,302 in all", result.Output);
    }

    [Fact]
    public void Matrix_shows_ratings_and_predictions_side_by_side()
    {
        var result = CliRunner.Run("matrix", "ml-sample", "--users", "4", "--items", "5", "--model", models.Sample, "--json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(4, json.RootElement.GetProperty("users").GetArrayLength());
        Assert.Equal(5, json.RootElement.GetProperty("predictions")[0].GetArrayLength());
        Assert.True(json.RootElement.GetProperty("rmse").GetDouble() < 1.5);

        var table = CliRunner.Run("matrix", "ml-sample", "--users", "3", "--items", "3");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("3 most active users x 3 most rated items", table.Output);
    }
}
