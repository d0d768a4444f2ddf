using System.Globalization;
using Spectre.Console;

namespace Collab.Cli.Benchmarks;

/// <summary>Prints <c>collab bench</c>'s results as tables: machine, bandwidth, load, training.</summary>
internal static class BenchReport
{
    public static void Write(IAnsiConsole console, BenchResults results)
    {
        // Redirected output has no terminal width; Spectre would assume 80 columns and wrap every cell.
        if (Console.IsOutputRedirected)
            console.Profile.Width = Math.Max(console.Profile.Width, 220);
        var m = results.Machine;
        console.WriteLine($"{m.Cores} cores, {m.Os}, {m.Runtime}; load average {Load(m.LoadAverageStart)} at start, {Load(m.LoadAverageEnd)} at end.");
        var bandwidth = NewTable("threads", "copy GB/s", "in-place update GB/s", "FMA GFLOP/s");
        foreach (var b in results.MemoryBandwidth)
        {
            bandwidth.AddRow(Num(b.Threads), b.CopyGigabytesPerSecond.ToString("F1", CultureInfo.InvariantCulture),
                b.UpdateGigabytesPerSecond.ToString("F1", CultureInfo.InvariantCulture), b.FmaGigaflopsPerSecond.ToString("F1", CultureInfo.InvariantCulture));
        }
        console.Write(bandwidth);

        var l = results.Load;
        var load = NewTable("file", "MB", "rows", "users", "items", "seconds", "cpu seconds", "MB/s", "peak RSS MB");
        load.AddRow(Markup.Escape(l.Synthetic ? "synthetic (deleted)" : l.File), Num(l.Bytes / 1e6), Num(l.Rows), Num(l.Users), Num(l.Items),
            l.Seconds.ToString("F2", CultureInfo.InvariantCulture), l.CpuSeconds.ToString("F2", CultureInfo.InvariantCulture),
            Num(l.MegabytesPerSecond), Mb(l.PeakResidentBytes));
        console.Write(load);

        var training = NewTable("mode", "threads", "k", "bs", "ratings", "seconds", "cpu seconds", "ratings/s", "tables MB", "bytes/rating", "bound ratings/s", "of bound",
            "flops/rating", "compute bound", "of compute", "valid RMSE", "peak RSS MB");
        foreach (var t in results.Training)
        {
            training.AddRow(t.FastOptimizer is null ? t.Mode : $"{t.Mode} ({t.FastOptimizer})", Num(t.Threads), Num(t.Factors), Num(t.BatchSize),
                Num(t.Ratings) + (t.WholeEpoch ? "" : " (part)"), t.Seconds.ToString("F2", CultureInfo.InvariantCulture),
                t.CpuSeconds.ToString("F2", CultureInfo.InvariantCulture), Num(t.RatingsPerSecond),
                Num(t.TableBytes / 1e6), Num(t.BytesPerRating), Num(t.BoundRatingsPerSecond), t.FractionOfBound.ToString("P1", CultureInfo.InvariantCulture),
                Num(t.FlopsPerRating), Num(t.ComputeBoundRatingsPerSecond), t.FractionOfComputeBound.ToString("P1", CultureInfo.InvariantCulture),
                t.ValidRmse is double rmse ? rmse.ToString("F4", CultureInfo.InvariantCulture) : "-", Mb(t.PeakResidentBytes));
        }
        console.Write(training);
        console.WriteLine("Bandwidth counts bytes read + written. ratings/s counts training steps only (no shuffle, no validation).");
        console.WriteLine("The bound is in-place update bandwidth / bytes per rating (docs/speed.md); tables that fit in cache can beat it.");
        console.WriteLine("The compute bound is the peak FMA rate / flops per rating, on the same threads.");
    }

    private static Table NewTable(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var column in columns)
            table.AddColumn(new TableColumn(column).RightAligned().NoWrap());
        return table;
    }

    private static string Num(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Mb(long? bytes) => bytes is long b ? Num(b / 1e6) : "n/a";

    private static string Load(double[]? load) => load is null ? "n/a" : string.Join(' ', load.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));
}
