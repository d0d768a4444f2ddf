namespace Collab.Cli.Tests;

public sealed class TrainCommandTests
{
    [Fact]
    public void Train_without_arguments_runs_the_lesson_on_the_sample_and_prints_the_epoch_table()
    {
        var result = CliRunner.Run("train");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("epoch  train_loss  valid_loss  time", StringComparison.Ordinal));
        Assert.Equal(3, lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\d\s+\d+\.\d{6}\s+\d+\.\d{6}\s+\d\d:\d\d")));
        Assert.Contains("6,031 ratings", result.Output);
    }
}
