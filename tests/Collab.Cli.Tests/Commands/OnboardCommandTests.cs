using System.Text.RegularExpressions;
using Collab.Tests.Support;
using Collab.Cli.Tests.Support;

namespace Collab.Cli.Tests.Commands;

public sealed partial class OnboardCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _model;

    public OnboardCommandTests()
    {
        var ratings = new PlantedMovieLens(120, 60, 0.3, 9).WriteTo(_folder.Path);
        _model = _folder.Combine("movies.collab");
        var train = CliRunner.Run("train", ratings, "--epochs", "8", "--lr", "0.01", "--factors", "6", "--json", "-o", _model);
        Assert.True(train.ExitCode == 0, train.Error);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Asks_rounds_of_titles_through_standard_input_and_recommends_what_was_not_rated()
    {
        var answers = "5\ns\n4\nmaybe\ns\n2\n" + "3\ns\ns\n1\n5\n";
        var result = CliRunner.Run(["onboard", _model, "--rounds", "2", "--round-size", "5", "--top", "3"], standardInput: answers);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Round 1 of 2:", result.Output);
        Assert.Contains("Round 2 of 2:", result.Output);
        Assert.Single(Regex.Matches(result.Output, "Please answer with a rating from 1 to 5"));
        var asked = Question().Matches(result.Output).Select(m => (Title: m.Groups["title"].Value, Answer: m.Groups["answer"].Value)).ToList();
        var questions = asked.Where(a => a.Answer != "maybe").ToList();
        Assert.Equal(10, questions.Count);
        Assert.Equal(10, questions.Select(q => q.Title).Distinct().Count());
        Assert.All(questions, q => Assert.Matches(@"^Movie \d+ \(\d{4}\)$", q.Title));
        Assert.Contains("From your 6 rating(s), you may like:", result.Output);
        var picks = Pick().Matches(result.Output).Select(m => m.Groups["title"].Value).ToList();
        Assert.Equal(3, picks.Count);
        Assert.Empty(picks.Intersect(questions.Where(q => q.Answer != "s").Select(q => q.Title)));
    }

    [Fact]
    public void With_a_watch_history_asks_only_about_watched_movies_and_recommends_none_of_them()
    {
        var watched = new[] { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 };
        var seenFile = _folder.Combine("seen.csv");
        File.WriteAllLines(seenFile, ["movieId", .. watched.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var result = CliRunner.Run(["onboard", _model, "--seen", seenFile, "--rounds", "2", "--round-size", "4", "--top", "5"], standardInput: "5\n4\n1\n2\n3\n5\n4\n1\n");
        Assert.True(result.ExitCode == 0, result.Error);
        var titles = watched.Select(i => $"Movie {i} (").ToArray();
        var asked = Question().Matches(result.Output).Select(m => m.Groups["title"].Value).ToList();
        Assert.Equal(8, asked.Count);
        Assert.Equal(8, asked.Distinct().Count());
        Assert.All(asked, title => Assert.Contains(titles, title.StartsWith));
        Assert.Contains("From your 8 rating(s), you may like:", result.Output);
        var picks = Pick().Matches(result.Output).Select(m => m.Groups["title"].Value).ToList();
        Assert.Equal(5, picks.Count);
        Assert.All(picks, title => Assert.DoesNotContain(titles, title.StartsWith));
        var missing = CliRunner.Run(["onboard", _model, "--seen", _folder.Combine("nowhere.csv")], standardInput: "q\n");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("--seen: no such file", missing.Error);
    }

    [Theory]
    [InlineData("q\n")]
    [InlineData("")]
    public void Finishing_at_once_recommends_for_a_typical_user(string answers)
    {
        var result = CliRunner.Run(["onboard", _model, "--top", "2"], standardInput: answers);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("No ratings yet, so these are the picks for a typical user:", result.Output);
        Assert.Equal(2, Pick().Matches(result.Output).Count);
    }

    [Fact]
    public void Starts_from_what_the_new_users_metadata_suggests()
    {
        var result = CliRunner.Run(["onboard", _model, "--users", _folder.Combine("u.user"), "--about", "age=31,gender=F,occupation=artist,zip=10003", "--rounds", "1"],
            standardInput: "4\n4\n");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("From your 2 rating(s), you may like:", result.Output);
        var missing = CliRunner.Run(["onboard", _model, "--about", "age=31"], standardInput: "q\n");
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("--about needs --users", missing.Error);
    }

    [Fact]
    public void Coldstart_eval_measures_both_protocols()
    {
        var result = CliRunner.Run("coldstart-eval", _folder.Combine("u.data"), "--epochs", "8", "--lr", "0.01", "--factors", "6",
            "--reveals", "0,5", "--questions", "20", "--item-reveals", "0,3", "--min-ratings", "5");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("Cold users: 24 users held out", result.Output);
        Assert.Contains("| k | questionnaire (open) | questionnaire (from seen) | random |", result.Output);
        Assert.Contains("| 5 |", result.Output);
        Assert.Contains("| questions | questionnaire | random questions |", result.Output);
        Assert.Matches(@"Cold items: 6 items held out \(10 %\).*u\.item", result.Output);
        Assert.Contains("metadata model", result.Output);
        // Each stage says what runs while it runs, on standard error.
        Assert.Contains("cold users, fold 1 of", result.Error, StringComparison.Ordinal);
        Assert.Contains("cold items: training on", result.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\[\d+/\d+\] (?<title>.+?): (?<answer>\S*)$", RegexOptions.Multiline)]
    private static partial Regex Question();

    [GeneratedRegex(@"^\s+\d+\. (?<title>.+) \(predicted \d\.\d\)$", RegexOptions.Multiline)]
    private static partial Regex Pick();
}
