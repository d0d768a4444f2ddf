using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Collab.Data.Synthetic;
using Spectre.Console;

namespace Collab.Cli.Commands;

/// <summary><c>collab synth</c>: writes a synthetic, MovieLens-shaped ratings file with a planted low-rank model.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var defaults = new SyntheticRatingsOptions();
        var users = new Option<int>("--users") { Description = "Users; each rates at least one item.", DefaultValueFactory = _ => defaults.Users };
        var items = new Option<int>("--items") { Description = "Items that can be rated.", DefaultValueFactory = _ => defaults.Items };
        var ratings = new Option<long>("--ratings") { Description = "Ratings, each a distinct (user, item) pair.", DefaultValueFactory = _ => defaults.Ratings };
        var seed = new Option<ulong>("--seed") { Description = "Seed; the same seed writes the same file on any machine.", DefaultValueFactory = _ => defaults.Seed };
        var userSkew = new Option<double>("--user-skew") { Description = "Zipf exponent of user activity.", DefaultValueFactory = _ => defaults.UserSkew };
        var itemSkew = new Option<double>("--item-skew") { Description = "Zipf exponent of item popularity.", DefaultValueFactory = _ => defaults.ItemSkew };
        var rank = new Option<int>("--rank") { Description = "Rank of the planted user x item interaction.", DefaultValueFactory = _ => defaults.Rank };
        var noise = new Option<double>("--noise") { Description = "Standard deviation of the noise added before rounding to half stars.", DefaultValueFactory = _ => defaults.Noise };
        var output = new Option<string>("--out", "-o") { Description = "The CSV file to write (userId,movieId,rating,timestamp).", Required = true };
        var json = CommonOptions.Json();
        var command = new Command("synth", "Write a synthetic ratings file: Zipf-skewed users and items, ratings from a planted low-rank model with biases and noise, half stars 0.5..5.")
        {
            users, items, ratings, seed, userSkew, itemSkew, rank, noise, output, json,
        };
        command.SetAction((parse, cancellation) =>
        {
            var options = new SyntheticRatingsOptions
            {
                Users = parse.GetValue(users),
                Items = parse.GetValue(items),
                Ratings = parse.GetValue(ratings),
                Seed = parse.GetValue(seed),
                UserSkew = parse.GetValue(userSkew),
                ItemSkew = parse.GetValue(itemSkew),
                Rank = parse.GetValue(rank),
                Noise = parse.GetValue(noise),
            };
            return Task.FromResult(Run(options, parse.GetValue(output)!, parse.GetValue(json), cancellation));
        });
        return command;
    }

    private static int Run(SyntheticRatingsOptions options, string path, bool json, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        var synth = SyntheticRatings.Create(options);
        var console = AnsiConsole.Console;
        if (json)
            synth.WriteCsvFile(path, null, cancellation);
        else if (console.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
            console.Progress().Start(context => WriteWithBar(synth, path, context, cancellation));
        else
            synth.WriteCsvFile(path, new PlainProgress(synth.Count, Console.Error), cancellation);
        double seconds = watch.Elapsed.TotalSeconds;
        long bytes = new FileInfo(path).Length;
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                path,
                options.Users,
                options.Items,
                options.Ratings,
                options.Seed,
                bytes,
                seconds,
            }, CollabJson.Options));
        }
        else
        {
            Console.Out.WriteLine($"Wrote {options.Ratings:N0} ratings of {options.Users:N0} users on up to {options.Items:N0} items " +
                $"to {path} ({bytes / 1e6:N0} MB) in {seconds:F1} s.");
        }
        return ExitCodes.Ok;
    }

    private static void WriteWithBar(SyntheticRatings synth, string path, ProgressContext context, CancellationToken cancellation)
    {
        var task = context.AddTask($"Writing {Path.GetFileName(path)}", maxValue: synth.Count);
        synth.WriteCsvFile(path, new SynchronousProgress(rows => task.Value = rows), cancellation);
        task.Value = synth.Count;
    }

    /// <summary>Reports on the writing thread (unlike <see cref="Progress{T}"/>, which posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }

    /// <summary>One line per tenth when the output is not a terminal.</summary>
    private sealed class PlainProgress(long total, TextWriter writer) : IProgress<long>
    {
        private int _tenths;

        public void Report(long value)
        {
            int tenths = (int)(value * 10 / total);
            if (tenths <= _tenths)
                return;
            _tenths = tenths;
            writer.WriteLine($"synth: {tenths * 10}% ({value:N0} of {total:N0} ratings)");
        }
    }
}
