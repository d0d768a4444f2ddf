using Collab.Training;
using ScottPlot;

namespace Collab.Cli.Plots;

/// <summary>
/// fastai's <c>plot_loss</c>: the training loss of every batch (faint), its smoothed value, and the validation
/// loss at the end of each epoch, against the batch number.
/// </summary>
internal sealed class LossPlot(string path, string title = "Loss during training (MSE)") : LearnerCallback
{
    public override bool ReadsParametersEachBatch => false;

    public override void AfterFit(TrainingContext context, FitResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var recorder = context.Learner.Recorder;
        var plot = new Plot();
        double[] batches = [.. Enumerable.Range(1, recorder.Losses.Count).Select(b => (double)b)];
        var raw = plot.Add.Scatter(batches, recorder.Losses.ToArray());
        raw.LegendText = "train (batch)";
        raw.MarkerSize = 0;
        raw.LineWidth = 1;
        raw.Color = Colors.SteelBlue.WithAlpha(0.3);
        var smooth = plot.Add.Scatter(batches, recorder.SmoothLosses.ToArray());
        smooth.LegendText = "train (smoothed, as printed)";
        smooth.MarkerSize = 0;
        smooth.LineWidth = 2;
        smooth.Color = Colors.SteelBlue;
        var epochs = result.Epochs.Where(e => !double.IsNaN(e.ValidLoss)).ToList();
        if (epochs.Count > 0)
        {
            double[] ends = [.. epochs.Select(e => (double)(e.Epoch + 1) * context.BatchesPerEpoch)];
            double[] losses = [.. epochs.Select(e => e.ValidLoss)];
            var valid = plot.Add.Scatter(ends, losses);
            valid.LegendText = "valid (end of epoch)";
            valid.MarkerSize = 9;
            valid.LineWidth = 2;
            valid.Color = Colors.OrangeRed;
        }
        plot.Title(title);
        plot.XLabel("batch");
        plot.YLabel("loss");
        plot.ShowLegend(Alignment.UpperRight);
        // The first batches' losses (several times the rest) would flatten the curve that matters.
        double top = recorder.SmoothLosses.Skip(recorder.SmoothLosses.Count / 20).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, Math.Max(top, epochs.Select(e => e.ValidLoss).DefaultIfEmpty(0).Max()) * 1.3);
        PlotFile.Save(plot, path);
    }
}
