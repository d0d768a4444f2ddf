using System.Globalization;
using Collab.Training;

namespace Collab.Cli.Rendering;

/// <summary>fastai's epoch table format: epoch, train_loss, valid_loss (6 decimals), time (mm:ss).</summary>
internal static class EpochTable
{
    public static readonly string[] Columns = ["epoch", "train_loss", "valid_loss", "time"];

    public static string[] Cells(EpochResult result) =>
    [
        result.Epoch.ToString(CultureInfo.InvariantCulture),
        Number(result.TrainLoss),
        // No validation rows (a model trained on all rows): nothing to show, rather than "nan".
        double.IsNaN(result.ValidLoss) ? "-" : Number(result.ValidLoss),
        Time(result.Elapsed),
    ];

    public static string Number(double value) =>
        double.IsNaN(value) ? "nan" : value.ToString("F6", CultureInfo.InvariantCulture);

    public static string Time(TimeSpan elapsed) =>
        $"{(int)elapsed.TotalMinutes:00}:{elapsed.Seconds:00}";

    public static string PlainLine(IReadOnlyList<string> cells) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(Math.Max(Columns[i].Length, i == 0 ? 5 : 10))));
}
