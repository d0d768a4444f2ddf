using System.Globalization;
using Collab.Evaluation;

namespace Collab.Cli.Rendering;

/// <summary>Prints an evaluation report as a plain table: mean ± sample standard deviation over the runs.</summary>
internal static class EvaluationTable
{
    public static void Write(TextWriter output, EvaluationReport report)
    {
        output.WriteLine($"{report.Source}: {report.Rows:N0} rows{(report.Implicit ? " of implicit feedback" : "")}; split: {report.Split}; {report.Runs} run(s), mean ± std over runs.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Per run: {report.TrainRows:N0} training rows, {report.TestRows:N0} held out; ranking over {report.UsersEvaluated:N0} users ({report.UsersWithoutRelevant:N0} skipped: no relevant held-out row)."));
        output.WriteLine($"Ranking metrics: {EvaluationReport.RankingProtocol}. Relevant: {report.Relevance}.");
        output.WriteLine();
        var metrics = report.Models.SelectMany(m => m.Metrics.Select(s => s.Name)).Distinct().ToList();
        var header = new List<string> { "model" };
        header.AddRange(metrics);
        header.Add("train s");
        var rows = new List<List<string>> { header };
        foreach (var model in report.Models)
        {
            var row = new List<string> { model.IsBaseline ? model.Name + " (baseline)" : model.Name };
            row.AddRange(metrics.Select(name => model[name] is { } s ? Cell(s, "F4") : "-"));
            row.Add(model.TrainSeconds is { } t ? Cell(t, "F1") : "-");
            rows.Add(row);
        }
        var widths = Enumerable.Range(0, header.Count).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
    }

    private static string Cell(MetricSummary summary, string format)
    {
        var mean = summary.Mean.ToString(format, CultureInfo.InvariantCulture);
        return double.IsNaN(summary.StdDev) ? mean : $"{mean} ± {summary.StdDev.ToString(format, CultureInfo.InvariantCulture)}";
    }
}
