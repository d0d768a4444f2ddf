using Collab.Cli.Tests.Support;

namespace Collab.Cli.Tests.Commands;

public sealed class PlotCommandTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];
    private readonly Collab.Tests.Support.TempFolder _folder = new();

    [Fact]
    public void Lr_find_suggests_a_rate_names_its_rule_and_plots_the_curve()
    {
        var plot = _folder.Combine("lr.png");
        var result = CliRunner.Run("lr-find", "ml-sample", "--iterations", "100", "--plot", plot);
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"Suggested learning rate: [0-9.E-]+ \((minimum / 10|steepest slope)\)", result.Output);
        Assert.Equal(PngSignature, File.ReadAllBytes(plot)[..4]);
    }

    [Fact]
    public void Train_with_plot_saves_the_losses()
    {
        var plot = _folder.Combine("losses.png");
        var result = CliRunner.Run("train", "ml-sample", "--epochs", "1", "--plot", plot);
        Assert.Equal(0, result.ExitCode);
        // The default recipe merges 10 seeds; the plot follows the first, and says so.
        Assert.Contains($"Loss plot saved to {plot} (seed 42, the first of the 10 seeds merged)", result.Output);
        Assert.Equal(PngSignature, File.ReadAllBytes(plot)[..4]);
    }

    [Fact]
    public void A_plot_into_a_missing_folder_is_a_clear_error()
    {
        var result = CliRunner.Run("lr-find", "ml-sample", "--iterations", "20", "--plot", _folder.Combine("missing/lr.png"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not exist", result.Error);
    }

    public void Dispose() => _folder.Dispose();
}
