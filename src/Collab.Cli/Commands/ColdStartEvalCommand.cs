using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collab.Cli.Files;
using Collab.ColdStart.Metadata;
using Collab.Data;
using Collab.Evaluation.ColdStart;
using Spectre.Console;
using Collab.Cli.Rendering;

namespace Collab.Cli.Commands;

/// <summary>
/// <c>collab coldstart-eval</c>: the cold-user protocol (held-out users, k revealed ratings chosen by the
/// questionnaire or at random, fold-in) and the cold-item protocol (held-out items predicted from metadata).
/// A separate command until <c>collab evaluate --split user</c> exists to host it.
/// </summary>
internal static class ColdStartEvalCommand
{
    public static Command Create()
    {
        var source = new Argument<string>("source")
        {
            Description = "A ratings file or a dataset name (see 'collab datasets').",
            DefaultValueFactory = _ => "ml-latest-small",
        };
        var o = new ColdStartEvalOptions();
        var dataDir = CommonOptions.DataDir();
        var json = CommonOptions.Json();
        var command = new Command("coldstart-eval", "Measure cold start: new users folded in after k ratings (questionnaire vs random), new items from metadata.") { source, dataDir, json };
        foreach (var option in o.All)
            command.Options.Add(option);
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(source)!, o, parse, parse.GetValue(dataDir), parse.GetValue(json), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string source, ColdStartEvalOptions o, ParseResult parse, string? dataDir, bool json, CancellationToken cancellation)
    {
        var protocol = o.Protocol(parse);
        var users = o.ReadUsers(parse);
        var path = await RatingsSource.ResolveAsync(source, dataDir, AnsiConsole.Console, json, cancellation);
        var table = RatingsReader.Read(path, new RatingsFileOptions());
        ColdItemOptions? items = null;
        FeatureSource? metadata = null;
        if (protocol is "items" or "both")
        {
            items = o.ReadItems(parse, users);
            metadata = o.ReadItemMetadata(parse, path);
        }
        // Each stage takes seconds on MovieLens: say what is running, on standard error so JSON stays clean.
        var progress = json ? null : new StandardErrorProgress();
        ColdUserReport? userReport = protocol is "users" or "both" ? ColdStartProtocols.ColdUsers(table, users, cancellation, progress) : null;
        ColdItemReport? itemReport = items is null ? null : ColdStartProtocols.ColdItems(table, metadata!, items, cancellation, progress);
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new { source = path, users = userReport, items = itemReport }, CollabJson.Options));
            return ExitCodes.Ok;
        }
        if (userReport is not null)
            WriteUsers(Console.Out, userReport);
        if (itemReport is not null)
            WriteItems(Console.Out, itemReport, metadata!.Source);
        return ExitCodes.Ok;
    }

    private static void WriteUsers(TextWriter output, ColdUserReport r)
    {
        var o = r.Options;
        output.WriteLine($"Cold users: {r.HeldOutUsers} users held out ({o.HeldOutShare:P0}), trained on {r.TrainRatings:N0} ratings in {r.FitSeconds:F2} s; " +
            $"{r.TestRatings:N0} test ratings ({o.TestShare:P0} of each held-out user's); fold-in {o.FoldIn.Method}, prior weight {F(o.FoldIn.PriorWeight)}.");
        output.WriteLine($"Baselines (RMSE): global mean {F(r.GlobalMean)}, item bias only {F(r.ItemBiasOnly)}.");
        output.WriteLine("Questionnaire (open): asks about any well-known movie, 'not seen' counts as a question; (from seen): picks k of the movies the user rated outside the test ratings, as random does.");
        output.WriteLine("| k | questionnaire (open) | questionnaire (from seen) | random | bias only (random) | open − random | from seen − random | revealed (open / seen / random) | open questions (median / mean) |");
        output.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var p in r.Points)
        {
            output.WriteLine($"| {p.Reveal} | {F(p.Questionnaire)} | {F(p.QuestionnaireFromSeen)} | {F(p.Random)} | {F(p.BiasOnly)} | " +
                $"{Difference(p.Questionnaire - p.Random, p.OpenVsRandomError)} | {Difference(p.QuestionnaireFromSeen - p.Random, p.FromSeenVsRandomError)} | " +
                $"{p.RevealedByQuestionnaire.ToString("F1", CultureInfo.InvariantCulture)} / {p.RevealedFromSeen.ToString("F1", CultureInfo.InvariantCulture)} / {p.RevealedAtRandom.ToString("F1", CultureInfo.InvariantCulture)} | " +
                $"{p.MedianQuestions} / {p.MeanQuestions.ToString("F0", CultureInfo.InvariantCulture)} |");
        }
        if (r.Budgets.Count > 0)
        {
            output.WriteLine("| questions | questionnaire | random questions | ratings obtained (q / r) |");
            output.WriteLine("|---|---|---|---|");
            foreach (var b in r.Budgets)
            {
                output.WriteLine($"| {b.Questions} | {F(b.Questionnaire)} | {F(b.RandomQuestions)} | " +
                    $"{b.RatingsByQuestionnaire.ToString("F1", CultureInfo.InvariantCulture)} / {b.RatingsByRandomQuestions.ToString("F1", CultureInfo.InvariantCulture)} |");
            }
        }
        output.WriteLine($"Fold-in: {r.FoldInMilliseconds.ToString("F3", CultureInfo.InvariantCulture)} ms per user; choosing a round of questions: {r.RoundMilliseconds.ToString("F2", CultureInfo.InvariantCulture)} ms (open), " +
            $"{r.FromSeenRoundMilliseconds.ToString("F2", CultureInfo.InvariantCulture)} ms (from seen).");
    }

    private static void WriteItems(TextWriter output, ColdItemReport r, string metadataSource)
    {
        var o = r.Options;
        output.WriteLine($"Cold items: {r.HeldOutItems} items held out ({o.HeldOutShare:P0}), trained on {r.TrainRatings:N0} ratings in {r.FitSeconds:F2} s; " +
            $"metadata from {metadataSource} ({string.Join(", ", o.Columns)}), fitted on {r.MetadataRows:N0} trained items; " +
            $"{r.ItemsWithoutMetadata} held-out items without metadata.");
        output.WriteLine($"RMSE on the {r.TestRatings:N0} ratings of held-out items: global mean {F(r.GlobalMean)}, mean item {F(r.MeanItem)}, metadata model {F(r.Metadata)}.");
        if (r.Points.Count == 0)
            return;
        output.WriteLine($"Blend (fold-in of the item after k ratings; {r.CurveTestRatings:N0} test ratings):");
        output.WriteLine("| k | from mean item | from metadata | revealed |");
        output.WriteLine("|---|---|---|---|");
        foreach (var p in r.Points)
            output.WriteLine($"| {p.Reveal} | {F(p.MeanItemPrior)} | {F(p.MetadataPrior)} | {p.Revealed.ToString("F1", CultureInfo.InvariantCulture)} |");
    }

    /// <summary>A difference in RMSE and its standard error, e.g. "-0.0075 ± 0.0036".</summary>
    private static string Difference(double value, double error) =>
        double.IsNaN(error) ? value.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture)
            : $"{value.ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture)} ± {error.ToString("F4", CultureInfo.InvariantCulture)}";

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
