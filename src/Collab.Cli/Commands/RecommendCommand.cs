using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Collab.Cli.Files;
using Collab.Cli.Rendering;
using Collab.Data;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Recommend.Approximate;

namespace Collab.Cli.Commands;

/// <summary><c>collab recommend</c>: the best items a user has not rated yet, or the same for a file of users.</summary>
internal static class RecommendCommand
{
    public static Command Create()
    {
        var model = ModelOptions.Model();
        var user = new Option<string?>("--user") { Description = "Raw user id." };
        var count = ModelOptions.Count(10);
        var includeSeen = new Option<bool>("--include-seen") { Description = "Also rank items the user has already seen (rated in training or in the validation split)." };
        var usersFile = new Option<string?>("--users-file") { Description = "Batch mode: a file with one user id per line (header optional); writes CSV." };
        var output = new Option<string?>("--out", "-o") { Description = "With --users-file: write the CSV to this file instead of standard output." };
        var itemsFile = ModelOptions.ItemsFile();
        var exact = ModelOptions.Exact();
        var candidates = ModelOptions.Candidates();
        var json = CommonOptions.Json();
        var command = new Command("recommend", "Recommend the items a user is predicted to rate highest among those not yet rated.")
        {
            model, user, count, includeSeen, usersFile, output, itemsFile, exact, candidates, json,
        };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(user), parse.GetValue(count), parse.GetValue(includeSeen),
            parse.GetValue(usersFile), parse.GetValue(output), parse.GetValue(itemsFile),
            ModelOptions.Approximate(parse.GetValue(exact), parse.GetValue(candidates), parse.GetValue(model)!), parse.GetValue(json)));
        return command;
    }

    private static int Run(string modelPath, string? user, int n, bool includeSeen, string? usersFile, string? output, string? itemsFile,
        ApproximateOptions approximate, bool json)
    {
        if ((user is null) == (usersFile is null))
            throw new UserErrorException("give --user ID, or --users-file FILE for many users.");
        if (n < 1)
            throw new UserErrorException("-n must be at least 1.");
        var trained = TrainedModel.Load(modelPath);
        var predictor = new Predictor(trained, approximate);
        ModelOptions.NoteIndex(predictor);
        var titles = ItemTitles.Find(itemsFile, trained.Summary.Source);
        if (user is not null)
        {
            var ranking = predictor.Recommend(user, n, includeSeen);
            if (!ranking.Found)
                throw new UserErrorException(ranking.Message + ".");
            RankingView.Write(ranking, titles, json);
            return ExitCodes.Ok;
        }
        var users = IdsFile.Read(usersFile!);
        var watch = Stopwatch.StartNew();
        var rankings = predictor.RecommendMany(users, n, includeSeen).ToList();
        double seconds = watch.Elapsed.TotalSeconds;
        if (json)
            Console.Out.WriteLine(JsonSerializer.Serialize(rankings.Select(r => RankingView.ToJson(r, titles)), CollabJson.Options));
        else if (output is null)
            WriteCsv(Console.Out, rankings, titles);
        else
            AtomicFile.WriteText(output, writer => WriteCsv(writer, rankings, titles));
        int unknown = rankings.Count(r => !r.Found);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scored {rankings.Count:N0} users x {trained.Items.Count - 1:N0} items in {seconds:F3} s ({rankings.Count / Math.Max(seconds, 1e-9):N0} users/s)."));
        if (unknown > 0)
            Console.Error.WriteLine($"note: {unknown} of {rankings.Count} users are not in the model's training data and got no recommendations.");
        return ExitCodes.Ok;
    }

    private static void WriteCsv(TextWriter writer, IEnumerable<Ranking> rankings, ItemCatalog? titles)
    {
        writer.WriteLine(titles is null ? "user,rank,item,predicted" : "user,rank,item,predicted,title");
        foreach (var ranking in rankings)
        {
            int rank = 0;
            foreach (var r in ranking.Results)
            {
                var line = string.Create(CultureInfo.InvariantCulture, $"{Csv.Escape(ranking.Query)},{++rank},{Csv.Escape(r.Id)},{r.Score:R}");
                writer.WriteLine(titles is null ? line : line + "," + Csv.Escape(titles.TitleOf(r.Id) ?? ""));
            }
        }
    }
}
