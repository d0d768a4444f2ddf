using System.Diagnostics;
using Collab.Training;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Collab.Cli.Rendering;

/// <summary>
/// Shows training as fastai does: the epoch table growing row by row, with a live progress bar for the
/// current epoch on an interactive terminal, or plain lines when the output is redirected.
/// </summary>
internal sealed class TrainingDisplay(TextWriter plain) : LearnerCallback
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);
    private readonly Table _table = CreateTable();
    // A monotonic timestamp: the refresh throttle measures elapsed time, not the time of day.
    private long _lastRefresh;

    public override int Order => 20;

    public override bool ReadsParametersEachBatch => false;

    /// <summary>What the live display renders: the table, with the progress line as its caption.</summary>
    public IRenderable Renderable => _table;

    /// <summary>The live display to refresh; null for plain line output.</summary>
    public LiveDisplayContext? Live { get; set; }

    public override void BeforeFit(TrainingContext context)
    {
        if (Live is null)
            plain.WriteLine(EpochTable.PlainLine(EpochTable.Columns));
    }

    public override void AfterBatch(TrainingContext context)
    {
        if (Live is null || (_lastRefresh != 0 && Stopwatch.GetElapsedTime(_lastRefresh) < RefreshInterval))
            return;
        _lastRefresh = Stopwatch.GetTimestamp();
        double fraction = (context.Iteration + 1.0) / context.BatchesPerEpoch;
        int filled = (int)(fraction * 30);
        var bar = new string('█', filled) + new string('░', 30 - filled);
        _table.Caption = new TableTitle(
            $"epoch {context.Epoch + 1}/{context.EpochCount} {bar} {fraction:P0}  batch {context.Iteration + 1}/{context.BatchesPerEpoch}  smoothed loss {context.Learner.Recorder.SmoothLoss:F4}");
        Live.Refresh();
    }

    public override void AfterEpoch(TrainingContext context, EpochResult result)
    {
        var cells = EpochTable.Cells(result);
        if (Live is null)
        {
            plain.WriteLine(EpochTable.PlainLine(cells));
            return;
        }
        _table.AddRow(cells);
        _table.Caption = null;
        Live.Refresh();
    }

    private static Table CreateTable()
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in EpochTable.Columns)
            table.AddColumn(new TableColumn(column).RightAligned());
        return table;
    }
}
