using ScottPlot;

namespace Collab.Cli.Plots;

/// <summary>Shared plot settings and saving: one size for every chart, and a folder check with a clear message.</summary>
internal static class PlotFile
{
    public const int Width = 900;
    public const int Height = 560;

    public static void Save(Plot plot, string path, int width = Width, int height = Height)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
            throw new UserErrorException($"cannot write the plot to {path}: the folder {folder} does not exist.");
        if (!path.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            throw new UserErrorException($"plots are written as PNG: give a file name ending in .png (got {path}).");
        plot.SavePng(path, width, height);
    }

    /// <summary>Ticks for an axis whose values are log10 of the real numbers, labelled as powers of ten.</summary>
    public static void LogTicks(IAxis axis)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = value => $"1e{value:0}",
        };
    }
}
