using System.CommandLine;
using Collab.Cli.Files;
using Collab.Cli.Rendering;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Recommend.Approximate;

namespace Collab.Cli.Commands;

/// <summary><c>collab similar</c>: the items (or users) whose learned factors point the same way.</summary>
internal static class SimilarCommand
{
    public static Command Create()
    {
        var model = ModelOptions.Model();
        var item = new Option<string?>("--item") { Description = "Raw item id: list the nearest items." };
        var user = new Option<string?>("--user") { Description = "Raw user id: list the nearest users." };
        var count = ModelOptions.Count(10);
        var minRatings = new Option<int>("--min-ratings") { Description = "Leave out neighbours with fewer training ratings (their factors are mostly noise).", DefaultValueFactory = _ => 1 };
        var itemsFile = ModelOptions.ItemsFile();
        var exact = ModelOptions.Exact();
        var candidates = ModelOptions.Candidates();
        var json = CommonOptions.Json();
        var command = new Command("similar", "Find the nearest items (or users) by cosine similarity of their learned factors.")
        {
            model, item, user, count, minRatings, itemsFile, exact, candidates, json,
        };
        command.SetAction(parse => Run(parse.GetValue(model)!, parse.GetValue(item), parse.GetValue(user), parse.GetValue(count),
            parse.GetValue(minRatings), parse.GetValue(itemsFile), ModelOptions.Approximate(parse.GetValue(exact), parse.GetValue(candidates), parse.GetValue(model)!), parse.GetValue(json)));
        return command;
    }

    private static int Run(string modelPath, string? item, string? user, int n, int minRatings, string? itemsFile, ApproximateOptions approximate, bool json)
    {
        if ((item is null) == (user is null))
            throw new UserErrorException("give --item ID or --user ID.");
        if (n < 1)
            throw new UserErrorException("-n must be at least 1.");
        var trained = TrainedModel.Load(modelPath);
        var predictor = new Predictor(trained, approximate);
        if (item is not null)
            ModelOptions.NoteIndex(predictor);
        var ranking = item is not null ? predictor.SimilarItems(item, n, minRatings) : predictor.SimilarUsers(user!, n, minRatings);
        if (!ranking.Found)
            throw new UserErrorException(ranking.Message + ".");
        RankingView.Write(ranking, ItemTitles.Find(itemsFile, trained.Summary.Source), json);
        return ExitCodes.Ok;
    }
}
