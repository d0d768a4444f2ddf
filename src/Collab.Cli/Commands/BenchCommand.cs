using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collab.Cli.Benchmarks;
using Collab.Data.Synthetic;
using Collab.Training;
using Collab.Training.Optimizers;
using Spectre.Console;

namespace Collab.Cli.Commands;

/// <summary>
/// <c>collab bench</c>: this machine's memory bandwidth, CSV load speed, and training throughput of exact and
/// fast mode on 1 and all cores, each against the bandwidth bound (see docs/speed.md).
/// </summary>
internal static class BenchCommand
{
    // ml-25m's shape: 162,541 users and 59,047 items for 25,000,095 ratings.
    private const double UsersPerRating = 162_000 / 25e6;
    private const double ItemsPerRating = 59_000 / 25e6;

    public static Command Create()
    {
        var ratings = new Option<long>("--ratings") { Description = "Synthetic ratings to generate (ml-25m's shape scaled down).", DefaultValueFactory = _ => 2_000_000 };
        var users = new Option<int?>("--users") { Description = "Synthetic users (default: ml-25m's users per rating)." };
        var items = new Option<int?>("--items") { Description = "Synthetic items (default: ml-25m's items per rating)." };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the synthetic data and of training.", DefaultValueFactory = _ => 1 };
        var csv = new Option<string?>("--csv") { Description = "Load and train on this ratings file instead of a synthetic one." };
        var modes = new Option<string>("--modes") { Description = "Training modes to measure, comma-separated.", DefaultValueFactory = _ => "exact,fast" };
        var threads = new Option<string>("--threads") { Description = "Thread counts to measure, comma-separated.", DefaultValueFactory = _ => $"1,{Environment.ProcessorCount}" };
        var optimizer = new Option<FastOptimizer>("--fast-optimizer") { Description = "Fast mode's row update.", DefaultValueFactory = _ => FastOptimizer.RowRms };
        var factors = new Option<int>("--factors") { Description = "Latent factors.", DefaultValueFactory = _ => CollabDefaults.Factors };
        var batchSize = new Option<int>("--bs") { Description = "Batch size.", DefaultValueFactory = _ => CollabDefaults.BatchSize };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per configuration (each stops early once --seconds are spent).", DefaultValueFactory = _ => 1 };
        var seconds = new Option<double>("--seconds") { Description = "Training time budget per configuration, in seconds.", DefaultValueFactory = _ => 5 };
        var json = CommonOptions.Json();
        var command = new Command("bench", "Measure memory bandwidth, CSV load speed and training throughput (exact and fast mode, 1 and all cores) on this machine.")
        {
            ratings, users, items, seed, csv, modes, threads, optimizer, factors, batchSize, epochs, seconds, json,
        };
        command.SetAction((parse, cancellation) =>
        {
            long n = parse.GetValue(ratings);
            var (defaultUsers, defaultItems) = Shape(n);
            var synthetic = new SyntheticRatingsOptions
            {
                Ratings = n,
                Users = parse.GetValue(users) ?? defaultUsers,
                Items = parse.GetValue(items) ?? defaultItems,
                Seed = parse.GetValue(seed),
            };
            synthetic.Validate();
            if (!(parse.GetValue(seconds) > 0))
                throw new UserErrorException("--seconds must be a positive number.");
            var request = new BenchRequest(synthetic, parse.GetValue(csv), ParseModes(parse.GetValue(modes)!), ParseThreads(parse.GetValue(threads)!),
                parse.GetValue(optimizer), parse.GetValue(factors), parse.GetValue(batchSize), parse.GetValue(epochs), TimeSpan.FromSeconds(parse.GetValue(seconds)));
            bool asJson = parse.GetValue(json);
            var results = new BenchRunner(request, asJson ? null : Console.Error).Run(cancellation);
            if (asJson)
                Console.Out.WriteLine(JsonSerializer.Serialize(results, CollabJson.Options));
            else
                BenchReport.Write(AnsiConsole.Console, results);
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    // ml-25m's users and items per rating; small sets are widened (same aspect) to stay at most 10% dense.
    private static (int Users, int Items) Shape(long ratings)
    {
        double users = Math.Max(1, ratings * UsersPerRating);
        double items = Math.Max(1, ratings * ItemsPerRating);
        double widen = Math.Sqrt(Math.Max(1, ratings / (0.1 * users * items)));
        return ((int)Math.Ceiling(users * widen), (int)Math.Ceiling(items * widen));
    }

    private static List<TrainingMode> ParseModes(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(m => Enum.TryParse<TrainingMode>(m, ignoreCase: true, out var mode)
            ? mode
            : throw new UserErrorException($"--modes: '{m}' is not a training mode; use exact, fast or both."))];

    private static List<int> ParseThreads(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(t => int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n
            : throw new UserErrorException($"--threads: '{t}' is not a thread count; give positive whole numbers such as 1,2."))];
}
