using Collab.Data;
using Collab.Interpretation;
using ScottPlot;

namespace Collab.Cli.Plots;

/// <summary>
/// The lesson's scatter of items on the first two principal components of their factors, with the items at
/// the extremes of each axis labelled by title so the directions can be read.
/// </summary>
internal static class PcaPlot
{
    public static void Save(FactorPca pca, ItemCatalog? titles, int labelsPerEnd, string path)
    {
        var components = pca.Components;
        if (components.Count < 2)
            throw new UserErrorException("a PCA scatter needs at least 2 components: use --pca 2 or more.");
        var plot = new Plot();
        double[] xs = [.. Enumerable.Range(0, components.Rows).Select(r => components.Score(r, 0))];
        double[] ys = [.. Enumerable.Range(0, components.Rows).Select(r => components.Score(r, 1))];
        var points = plot.Add.ScatterPoints(xs, ys);
        points.MarkerSize = 4;
        points.Color = Colors.SteelBlue.WithAlpha(0.5);
        var rowById = pca.Ids.Select((id, r) => (id, r)).ToDictionary(p => p.id, p => p.r);
        var labelled = new HashSet<string>();
        // The axes' range once the margins below are applied, and the data area of a 1200 x 900 image.
        double xSpan = xs.Max() - xs.Min(), ySpan = ys.Max() - ys.Min();
        var placer = new LabelPlacer(xs.Min() - 0.05 * xSpan, xs.Max() + 0.05 * xSpan, ys.Min() - 0.08 * ySpan, ys.Max() + 0.08 * ySpan, 1100, 800);
        foreach (int component in new[] { 0, 1 })
        {
            var ranked = pca.Ranked(component);
            foreach (var end in ranked.Take(labelsPerEnd).Concat(ranked.TakeLast(labelsPerEnd)))
            {
                if (!labelled.Add(end.Id))
                    continue;
                int r = rowById[end.Id];
                var text = Shorten(titles?.TitleOf(end.Id) ?? end.Id);
                // Labels grow away from the cloud's centre, so those at the edges stay inside the frame.
                bool growsRight = xs[r] <= 0;
                if (placer.Place(xs[r], ys[r], text.Length, growsRight) is not { } offset)
                    continue;
                var label = plot.Add.Text(text, xs[r], ys[r]);
                label.LabelFontSize = 11;
                label.LabelFontColor = Colors.Black;
                label.LabelAlignment = growsRight ? Alignment.LowerLeft : Alignment.LowerRight;
                label.LabelOffsetY = offset;
            }
        }
        plot.Axes.Margins(0.05, 0.08);
        var ratio = components.ExplainedRatio;
        plot.Title($"Item factors on the first two principal components ({pca.Ids.Count:N0} most rated items)");
        plot.XLabel($"component 1 ({ratio[0]:P0} of variance)");
        plot.YLabel($"component 2 ({ratio[1]:P0} of variance)");
        PlotFile.Save(plot, path, 1200, 900);
    }

    private static string Shorten(string title) => title.Length <= 32 ? title : title[..30] + "…";
}
