using System.CommandLine;
using System.Text.Json;
using Collab.Cli.Files;
using Collab.Cli.Rendering;
using Collab.Data;
using Collab.Evaluation;
using Spectre.Console;

namespace Collab.Cli.Commands;

/// <summary><c>collab evaluate</c>: train a model on each split and print held-out metrics beside the baselines.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A ratings file (CSV, TSV, '::' or Parquet) or a dataset name (see 'collab datasets')." };
        var o = new EvaluateOptionSet();
        var command = new Command("evaluate", "Evaluate a model on held-out data (rating errors and full-ranking metrics) beside baselines, over folds or seeds.") { source };
        o.AddTo(command);
        command.SetAction(async (parse, cancellation) =>
        {
            var path = await RatingsSource.ResolveAsync(parse.GetValue(source)!, o.DataDir(parse), AnsiConsole.Console, o.Json(parse), cancellation);
            var (delimiter, namesRating) = o.FileHints(parse);
            return await RunAsync(path, o.Read(parse, !namesRating && InteractionFile.HasTwoColumns(path, delimiter)), cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(string path, EvaluateRequest request, CancellationToken cancellation)
    {
        var progress = request.Json ? null : new StandardErrorProgress();
        EvaluationReport report;
        if (request.ValidFile is not null)
        {
            var (table, split) = RatingsReader.ReadTrainValid(path, request.ValidFile, request.FileOptions);
            report = await Task.Run(() => Evaluator.RunOnSplit(table, split, request.Options, progress, cancellation), CancellationToken.None);
        }
        else
        {
            var table = RatingsReader.Read(path, request.FileOptions);
            report = await Task.Run(() => Evaluator.Run(table, request.Options, progress, cancellation), CancellationToken.None);
        }
        if (request.Json)
            Console.Out.WriteLine(JsonSerializer.Serialize(ToJson(report, request.Options), CollabJson.Options));
        else
            EvaluationTable.Write(Console.Out, report);
        return ExitCodes.Ok;
    }

    private static object ToJson(EvaluationReport report, EvaluationOptions options) => new
    {
        report.Source,
        model = options.Model,
        split = report.Split,
        rankingProtocol = EvaluationReport.RankingProtocol,
        relevance = report.Relevance,
        @implicit = report.Implicit,
        report.Rows,
        report.Runs,
        report.TrainRows,
        report.TestRows,
        report.UsersEvaluated,
        report.UsersWithoutRelevant,
        training = options.Training,
        models = report.Models.Select(m => new
        {
            name = m.Name,
            baseline = m.IsBaseline,
            metrics = m.Metrics.ToDictionary(s => s.Name, s => new { mean = s.Mean, std = Nullable(s.StdDev), values = s.Values }),
            trainSeconds = m.TrainSeconds is { } t ? new { mean = t.Mean, std = Nullable(t.StdDev), values = t.Values } : null,
        }),
    };

    private static double? Nullable(double value) => double.IsNaN(value) ? null : value;
}
