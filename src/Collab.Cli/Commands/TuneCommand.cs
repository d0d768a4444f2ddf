using System.CommandLine;
using System.Globalization;
using Collab.Cli.Files;
using Collab.Data;
using Collab.Tuning;

namespace Collab.Cli.Commands;

/// <summary><c>collab tune</c>: random search with k-fold cross-validation on the training rows only (docs/accuracy.md).</summary>
internal static class TuneCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A ratings file or a dataset name." };
        var budget = new Option<string>("--budget") { Description = "Wall-clock budget: 90s, 10m, 1h.", DefaultValueFactory = _ => "10m" };
        var trials = new Option<int?>("--trials") { Description = "Stop after this many trials in the state (resumed ones included)." };
        var folds = new Option<int>("--folds") { Description = "Folds of cross-validation over the training rows.", DefaultValueFactory = _ => 5 };
        var validPct = new Option<double>("--valid-pct") { Description = "Share of rows held out first and never seen by the search.", DefaultValueFactory = _ => CollabDefaults.ValidPct };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the held-out split (as 'collab train --seed'), the folds and the draws.", DefaultValueFactory = _ => CollabDefaults.Seed };
        var state = new Option<string>("--state") { Description = "State file, saved after every trial; an existing one is resumed.", DefaultValueFactory = _ => "collab-tune.json" };
        var dataDir = CommonOptions.DataDir();
        var command = new Command("tune", "Search learning rate, weight decay (factors and biases), factors, epochs, batch size and y_range margin by k-fold CV on the training rows.")
        {
            source, budget, trials, folds, validPct, seed, state, dataDir,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var path = await RatingsSource.ResolveAsync(parse.GetValue(source)!, parse.GetValue(dataDir), Spectre.Console.AnsiConsole.Console, true, cancellation);
            var table = RatingsTable.FromFile(path);
            var options = new TunerOptions
            {
                Budget = ParseBudget(parse.GetValue(budget)!),
                MaxTrials = parse.GetValue(trials) ?? int.MaxValue,
                Folds = parse.GetValue(folds),
                HoldoutPct = parse.GetValue(validPct),
                Seed = parse.GetValue(seed),
            };
            var statePath = parse.GetValue(state)!;
            var resumed = File.Exists(statePath) ? TuningState.Load(statePath) : null;
            var output = Console.Out;
            output.WriteLine($"{table.Count:N0} ratings; {options.HoldoutPct:P0} held out (seed {options.Seed}) and never used; {options.Folds}-fold CV on the rest. " +
                (resumed is null ? "New search." : $"Resuming {resumed.Trials.Count} trials from {statePath}."));
            TuningState result;
            try
            {
                result = await Task.Run(() => Tuner.Run(table, options, resumed, (trial, s) =>
                {
                    s.Save(statePath);
                    output.WriteLine($"trial {trial.Index,3}: RMSE {Format(trial)}  {Describe(trial.Settings)}  ({trial.Seconds:F1} s)  best {s.Best!.Mean:F4}");
                }, cancellation), CancellationToken.None);
            }
            catch (ArgumentException e)
            {
                throw new UserErrorException($"{statePath}: {e.Message}");
            }
            output.WriteLine();
            output.WriteLine("Best five (mean ± std over folds):");
            foreach (var trial in result.Trials.OrderBy(t => t.Mean).Take(5))
                output.WriteLine($"  trial {trial.Index,3}: {Format(trial)}  {Describe(trial.Settings)}");
            var spread = result.Trials.Select(t => t.Mean).ToArray();
            if (spread.Length > 0)
                output.WriteLine($"Spread of trial means: {spread.Min():F4} to {spread.Max():F4} over {spread.Length} trials. State: {statePath}");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static TimeSpan ParseBudget(string text)
    {
        var units = new Dictionary<char, double> { ['s'] = 1, ['m'] = 60, ['h'] = 3600 };
        if (text.Length > 1 && units.TryGetValue(text[^1], out var scale) &&
            double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
            return TimeSpan.FromSeconds(value * scale);
        throw new UserErrorException($"--budget '{text}' is not a duration; write e.g. 90s, 10m or 1h.");
    }

    private static string Format(TrialResult trial) => $"{trial.Mean:F4} ± {trial.Std:F4}";

    private static string Describe(TrialSettings s) => string.Create(CultureInfo.InvariantCulture,
        $"lr {s.LearningRate:G3} wd {s.WeightDecay:G3} bias-wd {s.BiasWeightDecay:G3} factors {s.Factors} epochs {s.Epochs} bs {s.BatchSize} y-margin {s.RangeMargin:F2}");
}
