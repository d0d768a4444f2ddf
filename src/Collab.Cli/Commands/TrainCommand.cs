using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collab.Cli.Files;
using Collab.Cli.Rendering;
using Collab.Data;
using Collab.Persistence;
using Collab.Training;
using Spectre.Console;
using Collab.Models;
using Collab.Evaluation;

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
            Description = "A ratings file (CSV, TSV, '::' or Parquet) or a dataset name (see 'collab datasets').",
            DefaultValueFactory = _ => "ml-sample",
        };
        var o = new TrainOptionSet();
        var command = new Command("train", "Train a model and print the epoch table. On ratings, by default the dot-product model with biases (fastai's collab_learner) in the accurate recipe: 10 seeds merged into one model; --model nn for fastai's neural variant. On a file without ratings (or with --implicit), implicit ALS; --model ease, bpr or bce for the others.") { source };
        o.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(parse, parse.GetValue(source)!, o, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, string source, TrainOptionSet options, CancellationToken cancellation)
    {
        var console = AnsiConsole.Console;
        var path = await RatingsSource.ResolveAsync(source, options.DataDir(parse), console, options.Json(parse), cancellation);
        bool withoutRatings = !options.NamesRatingColumn(parse) && InteractionFile.HasTwoColumns(path, options.Delimiter(parse));
        var request = options.Read(parse, withoutRatings);
        RatingsTable table;
        DataSplit? split = null;
        if (request.ValidFile is not null)
            (table, split) = RatingsReader.ReadTrainValid(path, request.ValidFile, request.FileOptions);
        else
            table = RatingsReader.Read(path, request.FileOptions);
        if (request.ImplicitThreshold is { } threshold)
            table = ImplicitFeedback.Binarize(table, threshold);
        if (!TrainOptionSet.FitsAccurate(table.Count))
            request = options.Read(parse, withoutRatings, table.Count) with { ImplicitThreshold = request.ImplicitThreshold };
        request = TrainChecks.Prepare(table, split, request, path, Console.Error);

        var display = new TrainingDisplay(Console.Out);
        bool live = !request.Json && console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
        if (!request.Json)
        {
            string rows = request.WithoutRatings || request.ImplicitThreshold is not null ? "interactions" : "ratings";
            Console.Out.WriteLine(split is not null && request.ValidFile is not null
                ? $"{split.Train.Length:N0} {rows} from {path} and {split.Valid.Length:N0} for validation from {request.ValidFile}; {table.UserIds.Count:N0} users, {table.ItemIds.Count:N0} items"
                : $"{table.Count:N0} {rows}, {table.UserIds.Count:N0} users, {table.ItemIds.Count:N0} items from {path}");
        }
        if (request.Training.Model == ModelKind.Bayes)
            request = WithSideFeatures(request, path);
        if (!request.Json)
        {
            if (request.EnsembleForSize)
                Console.Out.WriteLine(table.Count > Recipes.AccurateRatingsLimit
                    ? $"More than {Recipes.AccurateRatingsLimit:N0} ratings: the Bayesian FM would take many minutes, so this trains the dot ensemble (--model bayes to insist)."
                    : $"Fewer than {Recipes.AccurateRatingsMinimum:N0} ratings: the dot ensemble is the more accurate here (docs/accuracy.md), so this trains it (--model bayes for the Bayesian FM).");
            if (request.WithoutRatings)
                Console.Out.WriteLine($"No rating column: each line is an interaction, so this trains the {ModelKindNames.Of(request.Training.Model)} model on who interacted with what (--model chooses another).");
            if (request.Ensemble > 1 && table.Count >= LargeTable)
                Console.Out.WriteLine($"Training {request.Ensemble} seeds to merge; on this many ratings they gain little (docs/accuracy.md): --ensemble 1 takes about a tenth of the time and half the memory.");
        }
        TrainedModel trained = null!;
        var callbacks = new List<Collab.Training.LearnerCallback>();
        if (!request.Json)
            callbacks.Add(display);
        if (request.Plot is not null)
            callbacks.Add(new Plots.LossPlot(request.Plot, PlotTitle(request)));
        void Train() => trained = request.Ensemble == 1
            ? CollabTrainer.Train(table, request.Training, split, callbacks, cancellation)
            : SeedEnsemble.Train(table, request.Training, request.Ensemble, split, callbacks, MemberReporter(request), cancellation).Merged;
        if (request.Training.Model == ModelKind.Bayes)
        {
            var progress = request.Json ? null : new GibbsProgressWriter(Console.Out);
            trained = await Task.Run(() => BayesTrainer.Train(table, request.Training, split, progress, cancellation), CancellationToken.None);
        }
        else if (live)
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
        if (!request.Json && trained.Kind == ModelKind.Ials)
            SweepTable(Console.Out, trained.Summary);
        if (request.Out is not null)
            trained.Save(request.Out);
        var ranking = request.Training.Model is ModelKind.Bpr or ModelKind.Bce or ModelKind.Ials or ModelKind.Ease
            ? HeldOutRanking.Measure(trained) : null;
        Report(Console.Out, trained.Summary, request, ranking);
        if (ranking is null)
            BaselineCheck.Compare(table, split, request, trained.Summary.ValidRmse, Console.Error);
        return ExitCodes.Ok;
    }

    // The Bayesian FM's features: attribute files given or found beside the ratings, said in one line each.
    private static TrainRequest WithSideFeatures(TrainRequest request, string path)
    {
        var (items, users) = SideFeatureFiles.Read(path, request.ItemsFile, request.UsersFile);
        if (!request.Json)
        {
            foreach (var (table, what) in new[] { (items, "item"), (users, "user") })
            {
                if (table is not null)
                    Console.Out.WriteLine($"{table.Count:N0} {what}s' attributes from {table.Source}: {table.Names.Count} features (--{what}s none to leave them out).");
            }
        }
        return request with { Training = request.Training with { Bayes = request.Training.Bayes with { ItemAttributes = items, UserAttributes = users } } };
    }

    // An ensemble's plot follows its first seed, as the epoch table on screen does: the title says so.
    private static string PlotTitle(TrainRequest request)
    {
        var loss = request.Training.Model switch
        {
            ModelKind.Bpr => "BPR",
            ModelKind.Bce => "binary cross-entropy",
            _ => "MSE",
        };
        return request.Ensemble > 1
            ? $"Loss during training ({loss}): seed {request.Training.Seed}, the first of {request.Ensemble} seeds merged"
            : $"Loss during training ({loss})";
    }

    // Implicit ALS reports its sweeps after they ran: each takes a fraction of a second on MovieLens-sized data.
    private static void SweepTable(TextWriter output, TrainingSummary summary)
    {
        output.WriteLine("sweep  train_loss  time");
        foreach (var sweep in summary.Epochs)
            output.WriteLine($"{sweep.Epoch,-5}  {sweep.TrainLoss,10:F4}  {sweep.Seconds:F2} s");
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
            var rmse = summary.ValidRows == 0 ? "" : $"valid RMSE {Rmse(summary.ValidRmse)}; ";
            Console.Out.WriteLine($"seed {summary.Options.Seed} ({finished}/{request.Ensemble}): {rmse}fit {summary.FitSeconds:F2} s");
        };
    }

    private static string Rmse(double value) =>
        double.IsNaN(value) ? "n/a (no validation rows)" : value.ToString("F4", CultureInfo.InvariantCulture);

    private static void Report(TextWriter output, TrainingSummary summary, TrainRequest request, HeldOutRanking.Result? ranking)
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
                model = ModelKindNames.Of(request.Training.Model),
                validRmse = ranking is null ? summary.ValidRmse : (double?)null,
                validNdcg10 = ranking?.Ndcg,
                validRecall10 = ranking?.Recall,
                summary.Ensemble,
                summary.FitSeconds,
                summary.Stopped,
                file = request.Out,
            }, CollabJson.Options));
            return;
        }
        if (summary.Stopped)
            output.WriteLine(summary.Options.Bayes is { } stoppedChain
                ? $"Stopped early after {summary.Epochs.Count} sweep(s); the model averages the {stoppedChain.Kept} sample(s) kept so far."
                : $"Stopped early after {summary.Epochs.Count} complete epoch(s).");
        if (summary.Options.Bayes is { } chain && summary.Ensemble is { } samples)
            output.WriteLine(summary.ValidRows == 0
                ? $"{chain.Kept} samples averaged and merged into {samples.Rank} factors; rating noise sd {chain.NoiseStd:F3}."
                : $"{chain.Kept} samples averaged and merged into {samples.Rank} factors (their averaged prediction: valid RMSE {Rmse(samples.AveragedValidRmse)}); rating noise sd {chain.NoiseStd:F3}.");
        else if (summary.Ensemble is { } ensemble)
            output.WriteLine(summary.ValidRows == 0
                ? $"{ensemble.Members} seeds merged into {ensemble.Rank} factors."
                : $"{ensemble.Members} seeds merged into {ensemble.Rank} factors (their averaged prediction: valid RMSE {Rmse(ensemble.AveragedValidRmse)}).");
        if (summary.ValidRows == 0)
            output.WriteLine($"No validation rows: trained on all {summary.TrainRows:N0} rows (a production model); fit {summary.FitSeconds:F2} s.");
        else if (ranking is { } r)
            output.WriteLine($"valid NDCG@10 {r.Ndcg:F4}, recall@10 {r.Recall:F4} over {r.Users:N0} users (training items excluded); fit {summary.FitSeconds:F2} s; {summary.TrainRows:N0} training rows, {summary.ValidRows:N0} validation rows.");
        else
            output.WriteLine($"valid RMSE {Rmse(summary.ValidRmse)}; fit {summary.FitSeconds:F2} s; {summary.TrainRows:N0} training rows, {summary.ValidRows:N0} validation rows.");
        if (summary.ValidRowsWithUnknownUser + summary.ValidRowsWithUnknownItem > 0)
        {
            output.WriteLine($"Note: {summary.ValidRowsWithUnknownUser} validation rows have a user and {summary.ValidRowsWithUnknownItem} an item " +
                "that training never saw; " + (summary.Options.Bayes?.Features.Contains("item attributes") == true
                    ? "the Bayesian FM scores them from their attributes where the items file has them, else from the #na# rows."
                    : "they are predicted from the #na# rows, as fastai does."));
        }
        if (request.Out is not null)
            output.WriteLine($"Model saved to {request.Out}");
        if (request.Plot is not null)
            output.WriteLine(request.Ensemble > 1
                ? $"Loss plot saved to {request.Plot} (seed {request.Training.Seed}, the first of the {request.Ensemble} seeds merged)"
                : $"Loss plot saved to {request.Plot}");
    }
}
