using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Collab.Cli.Files;
using Collab.Cli.Rendering;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Recommend.Approximate;

namespace Collab.Cli.Commands;

/// <summary><c>collab recommend</c>: the best items a user has not rated yet, or the same for a file of users or for every user of the model.</summary>
internal static class RecommendCommand
{
    public static Command Create()
    {
        var model = ModelOptions.Model();
        var user = new Option<string?>("--user") { Description = "Raw user id." };
        var count = ModelOptions.Count(10);
        var includeSeen = new Option<bool>("--include-seen") { Description = "Also rank items the user has already seen (rated in training or in the validation split)." };
        var usersFile = new Option<string?>("--users-file") { Description = "Batch mode: a file with one user id per line (header optional); writes CSV." };
        var allUsers = new Option<bool>("--all-users") { Description = "Batch mode: every user the model was trained on, scored on all cores and written as it goes." };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "In batch mode: write to this file instead of standard output; Parquet when the name ends in .parquet, else CSV (columns user, rank, item, predicted[, title]).",
        };
        var threads = new Option<int>("--threads") { Description = "With --all-users: cores to score on (default: all).", DefaultValueFactory = _ => 0 };
        var itemsFile = ModelOptions.ItemsFile();
        var exact = ModelOptions.Exact();
        var candidates = ModelOptions.Candidates();
        var json = CommonOptions.Json();
        var command = new Command("recommend", "Recommend the items a user is predicted to rate highest among those not yet rated.")
        {
            model, user, count, includeSeen, usersFile, allUsers, output, threads, itemsFile, exact, candidates, json,
        };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(user), parse.GetValue(count), parse.GetValue(includeSeen),
            new Batch(parse.GetValue(usersFile), parse.GetValue(allUsers), parse.GetValue(output), parse.GetValue(threads)),
            parse.GetValue(itemsFile), ModelOptions.Approximate(parse.GetValue(exact), parse.GetValue(candidates), parse.GetValue(model)!), parse.GetValue(json)));
        return command;
    }

    // Which users a batch covers (a file of ids, or all of the model's) and where the rows go.
    private sealed record Batch(string? UsersFile, bool AllUsers, string? Output, int Threads);

    private static int Run(string modelPath, string? user, int n, bool includeSeen, Batch batch, string? itemsFile, ApproximateOptions approximate, bool json)
    {
        if (new[] { user is not null, batch.UsersFile is not null, batch.AllUsers }.Count(given => given) != 1)
            throw new UserErrorException("give --user ID, --users-file FILE for many users, or --all-users for every user of the model.");
        if (n < 1)
            throw new UserErrorException("-n must be at least 1.");
        if (batch.Threads < 0)
            throw new UserErrorException("--threads must be 0 (all cores) or more.");
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
        var watch = Stopwatch.StartNew();
        int users = 0, unknown = 0;
        long rows = 0;
        IEnumerable<Ranking> Counted(IEnumerable<Ranking> rankings)
        {
            foreach (var ranking in rankings)
            {
                users++;
                unknown += ranking.Found ? 0 : 1;
                rows += ranking.Results.Count;
                yield return ranking;
            }
        }
        var rankings = Counted(batch.AllUsers
            ? predictor.RecommendAll(n, includeSeen, batch.Threads)
            : predictor.RecommendMany(IdsFile.Read(batch.UsersFile!), n, includeSeen));
        if (json)
            Console.Out.WriteLine(JsonSerializer.Serialize(rankings.Select(r => RankingView.ToJson(r, titles)), CollabJson.Options));
        else if (batch.Output is null)
            RecommendationsFile.WriteCsv(Console.Out, rankings, titles);
        else
            RecommendationsFile.Write(batch.Output, rankings, titles, RecommendationIds.Of(trained));
        double seconds = watch.Elapsed.TotalSeconds;
        var written = batch.Output is null ? "" : $"; wrote {rows:N0} rows to {DisplayText.Escape(batch.Output)} ({rows / Math.Max(seconds, 1e-9):N0} rows/s)";
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Scored {users:N0} users x {trained.Items.Count - 1:N0} items in {seconds:F3} s ({users / Math.Max(seconds, 1e-9):N0} users/s){written}."));
        if (unknown > 0)
            Console.Error.WriteLine($"note: {unknown} of {users} users are not in the model's training data and got no recommendations.");
        return ExitCodes.Ok;
    }
}
