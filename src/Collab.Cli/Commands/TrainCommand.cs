using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collab.Cli.Files;
using Collab.Cli.Rendering;
using Collab.Data;
using Collab.Persistence;
using Collab.Training;
using Spectre.Console;

namespace Collab.Cli.Commands;

/// <summary><c>collab train</c>: a recipe (the accurate one by default) on a ratings file or a dataset, printing fastai's epoch table.</summary>
internal static class TrainCommand
{
    // From here on a seed ensemble was measured to gain about 0.001 RMSE for 7x the time (25M synthetic ratings).
    private const int LargeTable = 5_000_000;

    public static Command Create()
    {
        var source = new Argument<string>("source")
        {
            Description = "A ratings file (CSV, TSV, '::') or a dataset name (see 'collab datasets').",
            DefaultValueFactory = _ => "ml-sample",
        };
        var o = new TrainOptionSet();
        var command = new Command("train", "Train the dot-product model with biases (fastai's collab_learner) and print the epoch table. By default the accurate recipe: 10 seeds merged into one model.") { source };
        o.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(source)!, o.Read(parse), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string source, TrainRequest request, CancellationToken cancellation)
    {
        var console = AnsiConsole.Console;
        var path = await RatingsSource.ResolveAsync(source, request.DataDir, console, request.Json, cancellation);
        RatingsTable table;
        DataSplit? split = null;
        if (request.ValidFile is not null)
            (table, split) = RatingsReader.ReadTrainValid(path, request.ValidFile, request.FileOptions);
        else
            table = RatingsReader.Read(path, request.FileOptions);
        request = TrainChecks.Prepare(table, split, request, path, Console.Error);

        var display = new TrainingDisplay(Console.Out);
        bool live = !request.Json && console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
        if (!request.Json)
        {
            Console.Out.WriteLine($"{table.Count:N0} ratings, {table.UserIds.Count:N0} users, {table.ItemIds.Count:N0} items from {path}");
            if (request.Ensemble > 1 && table.Count >= LargeTable)
                Console.Out.WriteLine($"Training {request.Ensemble} seeds to merge; on this many ratings they gain little (docs/accuracy.md): --ensemble 1 takes about a tenth of the time and half the memory.");
        }
        TrainedModel trained = null!;
        var callbacks = new List<Collab.Training.LearnerCallback>();
        if (!request.Json)
            callbacks.Add(display);
        if (request.Plot is not null)
            callbacks.Add(new Plots.LossPlot(request.Plot));
        void Train() => trained = request.Ensemble == 1
            ? CollabTrainer.Train(table, request.Training, split, callbacks, cancellation)
            : SeedEnsemble.Train(table, request.Training, request.Ensemble, split, callbacks, MemberReporter(request), cancellation).Merged;
        if (live)
        {
            await console.Live(display.Renderable).StartAsync(context =>
            {
                display.Live = context;
                Train();
                return Task.CompletedTask;
            });
        }
        else
        {
            await Task.Run(Train, CancellationToken.None);
        }
        if (request.Out is not null)
            trained.Save(request.Out);
        Report(Console.Out, trained.Summary, request);
        BaselineCheck.Compare(table, split, request, trained.Summary.ValidRmse, Console.Error);
        return ExitCodes.Ok;
    }

    // One line per seed as it finishes: the first member's epoch table is already on screen.
    private static Action<TrainedModel>? MemberReporter(TrainRequest request)
    {
        if (request.Json)
            return null;
        int finished = 0;
        return member =>
        {
            finished++;
            var summary = member.Summary;
            Console.Out.WriteLine($"seed {summary.Options.Seed} ({finished}/{request.Ensemble}): valid RMSE {Rmse(summary.ValidRmse)}; fit {summary.FitSeconds:F2} s");
        };
    }

    private static string Rmse(double value) =>
        double.IsNaN(value) ? "n/a (no validation rows)" : value.ToString("F4", CultureInfo.InvariantCulture);

    private static void Report(TextWriter output, TrainingSummary summary, TrainRequest request)
    {
        if (request.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                summary.Source,
                summary.Rows,
                summary.TrainRows,
                summary.ValidRows,
                summary.ValidRowsWithUnknownUser,
                summary.ValidRowsWithUnknownItem,
                options = summary.Options,
                epochs = summary.Epochs,
                validRmse = summary.ValidRmse,
                summary.Ensemble,
                summary.FitSeconds,
                summary.Stopped,
                model = request.Out,
            }, CollabJson.Options));
            return;
        }
        if (summary.Stopped)
            output.WriteLine($"Stopped early after {summary.Epochs.Count} complete epoch(s).");
        if (summary.Ensemble is { } ensemble)
            output.WriteLine($"{ensemble.Members} seeds merged into {ensemble.Rank} factors (their averaged prediction: valid RMSE {Rmse(ensemble.AveragedValidRmse)}).");
        output.WriteLine($"valid RMSE {Rmse(summary.ValidRmse)}; fit {summary.FitSeconds:F2} s; {summary.TrainRows:N0} training rows, {summary.ValidRows:N0} validation rows.");
        if (summary.ValidRowsWithUnknownUser + summary.ValidRowsWithUnknownItem > 0)
        {
            output.WriteLine($"Note: {summary.ValidRowsWithUnknownUser} validation rows have a user and {summary.ValidRowsWithUnknownItem} an item " +
                "that training never saw; they are predicted from the #na# rows, as fastai does.");
        }
        if (request.Out is not null)
            output.WriteLine($"Model saved to {request.Out}");
        if (request.Plot is not null)
            output.WriteLine($"Loss plot saved to {request.Plot}");
    }
}
