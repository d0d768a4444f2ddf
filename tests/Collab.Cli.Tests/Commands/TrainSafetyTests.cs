using System.Globalization;
using System.Text;
using Collab.Tests.Support;
using Collab.Cli.Tests.Support;

namespace Collab.Cli.Tests.Commands;

/// <summary>Issue 17 through the real program: divergence, small data, ratings off the scale, hostile text, space-separated files, absurd settings.</summary>
public sealed class TrainSafetyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("--recipe", "lesson", "--lr", "100")]
    [InlineData("--recipe", "lesson", "--mode", "fast", "--lr", "100")]
    [InlineData("--recipe", "lesson", "--lr", "1e9")]
    [InlineData("--lr", "100")]
    public void A_diverging_run_stops_with_one_line_of_advice_exit_1_and_no_model(params string[] settings)
    {
        var model = _temp.Combine("x.collab");
        var result = CliRunner.Run(["train", "ml-latest-small", .. settings, "--out", model]);
        Assert.Equal(1, result.ExitCode);
        var error = SingleLine(result.Error);
        Assert.StartsWith("error: training diverged at epoch 0", error);
        Assert.Contains("Lower the learning rate", error);
        Assert.Contains("collab lr-find", error);
        Assert.DoesNotContain("nan", result.Output, StringComparison.OrdinalIgnoreCase);
        Assert.False(File.Exists(model));
    }

    [Fact]
    public void A_run_that_ends_far_worse_than_the_bias_baseline_says_so()
    {
        var result = CliRunner.Run("train", "ml-latest-small", "--recipe", "lesson", "--lr", "10");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: valid RMSE", result.Error);
        Assert.Contains("far worse than the bias baseline", result.Error);

        var good = CliRunner.Run("train", "ml-latest-small", "--recipe", "lesson");
        Assert.Equal(0, good.ExitCode);
        Assert.DoesNotContain("warning", good.Error);
    }

    [Fact]
    public void Fewer_rows_than_one_batch_train_with_the_batch_shrunk_and_a_warning()
    {
        var data = _temp.File("ten_rows.csv", string.Join('\n', Enumerable.Range(1, 10).Select(i => $"1,{i * 10},{1 + i % 5}")) + "\n");
        var result = CliRunner.Run("train", data, "--out", _temp.Combine("m.collab"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.DoesNotContain("internal error", result.Error);
        Assert.Contains("note: 8 training rows are fewer than one batch of 64: training with batches of 8.", result.Error);
        Assert.Contains("warning: only 8 training ratings", result.Error);
        Assert.True(File.Exists(_temp.Combine("m.collab")));
    }

    [Fact]
    public void Thirty_ratings_train_but_warn_that_the_data_is_too_small_to_learn_from()
    {
        var rows = Enumerable.Range(0, 30).Select(i => $"{i % 6},{i % 8},{1 + (i * 7) % 5}");
        var result = CliRunner.Run("train", _temp.File("thirty.csv", "user,item,rating\n" + string.Join('\n', rows) + "\n"), "--json");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("too few for the model to learn much more than the average rating", result.Error);
        Assert.StartsWith("{", result.Output.TrimStart()); // the warnings keep off the JSON
    }

    [Fact]
    public void A_negative_rating_is_warned_about_with_the_count_the_range_and_the_first_line()
    {
        var text = new StringBuilder("user,item,rating\n");
        for (int i = 0; i < 200; i++)
            text.Append(CultureInfo.InvariantCulture, $"{i % 20},{i % 30},{(i == 57 ? -3 : 1 + i % 5)}\n");
        var result = CliRunner.Run("train", _temp.File("neg.csv", text.ToString()), "--recipe", "lesson");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning: 1 of 200 ratings lie outside the output range 0..5.5 (the ratings span -3..5; the first is on line 59 of", result.Error);
        Assert.DoesNotContain("nan", result.Output, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("1e38", "absurd magnitude")]
    [InlineData("-1e38", "absurd magnitude")]
    [InlineData("99999999999999999999999999999", "absurd magnitude")]
    [InlineData("1e39", "beyond the range of a float")]
    public void Ratings_beyond_any_scale_are_one_line_errors_naming_file_line_and_field(string rating, string problem)
    {
        var data = _temp.File("bad.csv", $"user,item,rating\n1,2,3\n2,3,4\n3,4,{rating}\n");
        var result = CliRunner.Run("train", data, "--recipe", "lesson");
        Assert.Equal(1, result.ExitCode);
        var error = SingleLine(result.Error);
        Assert.StartsWith($"error: {data}, line 4, field 'rating': the rating '{rating}'", error);
        Assert.Contains(problem, error);
    }

    [Theory]
    [InlineData("user,item,rating\n1,2,\"3\n4\"\n", "'3\\n4' is not a number")]
    [InlineData("user,item,rating\n1,2,\u001b]0;pwned\u0007\u001b[31mred\n", "'\\x1B]0;pwned\\x07\\x1B[31mred' is not a number")]
    public void File_text_in_an_error_is_escaped_onto_one_line(string text, string expected)
    {
        var result = CliRunner.Run("train", _temp.File("hostile.csv", text));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, SingleLine(result.Error));
        Assert.DoesNotContain(result.Error.TrimEnd('\n'), c => char.IsControl(c));
    }

    [Fact]
    public void A_space_separated_libmf_file_trains()
    {
        var lines = Enumerable.Range(0, 400).Select(i => $"{i % 25} {i % 37} {1 + i % 5}");
        var result = CliRunner.Run("train", _temp.File("ratings.txt", string.Join('\n', lines) + "\n"), "--recipe", "lesson");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("400 ratings, 25 users, 37 items", result.Output);
    }

    [Theory]
    [InlineData("--ensemble", "1000000", "--ensemble 1000000 is more seeds than can help")]
    [InlineData("--factors", "100000000", "--factors 100000000 is far more than the data can use")]
    public void Absurd_settings_are_refused_before_training_in_one_line(string option, string value, string expected)
    {
        var data = _temp.File("ten_rows.csv", string.Join('\n', Enumerable.Range(1, 10).Select(i => $"{i % 3},{i},{1 + i % 5}")) + "\n");
        var result = CliRunner.Run(["train", data, option, value], timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: " + expected, SingleLine(result.Error));
        Assert.DoesNotContain("epoch", result.Output);
    }

    private static string SingleLine(string error)
    {
        var lines = error.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, $"expected one line, got:\n{error}");
        return lines[0];
    }
}
