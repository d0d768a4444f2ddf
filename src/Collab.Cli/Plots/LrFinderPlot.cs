using ScottPlot;
using Collab.Training.LrFinding;

namespace Collab.Cli.Plots;

/// <summary>fastai's <c>lr_find</c> chart: smoothed loss against the learning rate on a log scale, with the suggestions marked.</summary>
internal static class LrFinderPlot
{
    public static void Save(LrFinderResult result, string path)
    {
        var plot = new Plot();
        double[] logLr = [.. result.LearningRates.Select(Math.Log10)];
        var curve = plot.Add.Scatter(logLr, result.Losses.ToArray());
        curve.MarkerSize = 0;
        curve.LineWidth = 2;
        curve.LegendText = "smoothed training loss";
        Mark(plot, result.MinimumOverTen, Colors.OrangeRed);
        if (result.SteepestSlope is { } steep)
            Mark(plot, steep, Colors.Gray);
        PlotFile.LogTicks(plot.Axes.Bottom);
        plot.Title($"Learning rate finder: suggested {result.Suggestion.LearningRate:G2} ({result.Suggestion.Rule})");
        plot.XLabel("learning rate (log scale)");
        plot.YLabel("loss");
        plot.ShowLegend(Alignment.UpperLeft);
        // Keep the divergence from dwarfing the descent: show up to twice the starting loss.
        double low = result.Losses.Where(double.IsFinite).Min();
        double start = result.Losses.Skip(result.Losses.Count / 10).FirstOrDefault(double.IsFinite);
        plot.Axes.SetLimitsY(low - 0.05 * (start - low + 0.01), Math.Max(start, low) * 2 - low);
        PlotFile.Save(plot, path);
    }

    private static void Mark(Plot plot, LrSuggestion suggestion, Color color)
    {
        var line = plot.Add.VerticalLine(Math.Log10(suggestion.LearningRate));
        line.Color = color;
        line.LinePattern = LinePattern.Dashed;
        line.LegendText = $"{suggestion.Rule}: {suggestion.LearningRate:G2}";
    }
}
