using System.CommandLine;
using Collab.Cli.Files;
using Collab.ColdStart;
using Collab.ColdStart.Metadata;
using Collab.ColdStart.Questions;
using Collab.Persistence;

namespace Collab.Cli.Commands;

/// <summary><c>collab onboard</c>: an interactive questionnaire for a new user, then recommendations.</summary>
internal static class OnboardCommand
{
    private static readonly QuestionnaireOptions Defaults = new();

    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "A model file written by 'collab train --out'." };
        var items = new Option<string?>("--items") { Description = "Titles: a MovieLens items file (default: movies.csv, u.item or movies.dat beside the training ratings)." };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of questions before the recommendations.", DefaultValueFactory = _ => 3 };
        var roundSize = new Option<int>("--round-size") { Description = "Questions per round.", DefaultValueFactory = _ => Defaults.RoundSize };
        var top = new Option<int>("--top") { Description = "Recommendations to show.", DefaultValueFactory = _ => 10 };
        var users = new Option<string?>("--users") { Description = "With --about: user metadata of the trained users (u.user, users.dat, or a CSV with --id-column)." };
        var idColumn = new Option<string?>("--id-column") { Description = "The id column of a --users file that is not a MovieLens one." };
        var columns = new Option<string?>("--columns") { Description = "User metadata columns as name[:kind[:argument]] (default: age:bucket:10,gender:category,occupation:category,zip:prefix:1)." };
        var about = new Option<string?>("--about") { Description = "The new user's own metadata as column=value pairs, e.g. 'age=31,gender=F,occupation=writer,zip=10003': the questions start from what it suggests." };
        var seen = new Option<string?>("--seen") { Description = "The movies the new user has watched (one id a line, e.g. a watch history): ask only about those, choosing the ones that tell most about the rest, and recommend none of them." };
        var command = new Command("onboard", "Ask a new user about well-known movies, round by round (1-5, s = not seen, q = finish), then recommend.")
        {
            model, items, rounds, roundSize, top, users, idColumn, columns, about, seen,
        };
        command.SetAction(parse =>
        {
            var trained = TrainedModel.Load(parse.GetValue(model)!);
            var foldIn = new FoldIn(trained);
            var prior = UserPrior(trained, parse.GetValue(users), parse.GetValue(idColumn), parse.GetValue(columns), parse.GetValue(about));
            var options = new QuestionnaireOptions { RoundSize = parse.GetValue(roundSize) };
            options.Validate();
            if (parse.GetValue(rounds) < 0 || parse.GetValue(top) < 0)
                throw new UserErrorException("--rounds and --top must be 0 or more.");
            var titles = Titles(parse.GetValue(items) ?? MetadataFiles.ItemsBeside(trained.Summary.Source));
            var history = parse.GetValue(seen) is { } seenPath ? ReadSeen(seenPath) : null;
            var questionnaire = history is null ? new Questionnaire(foldIn, options, prior) : new Questionnaire(foldIn, history, options, prior);
            var session = new OnboardSession(questionnaire, titles, Console.In, Console.Out, Console.IsInputRedirected, history ?? []);
            session.Run(parse.GetValue(rounds), parse.GetValue(top));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static List<string> ReadSeen(string path)
    {
        if (!File.Exists(path))
            throw new UserErrorException($"--seen: no such file: {path}");
        return IdsFile.Read(path, "item", "movie");
    }

    private static Func<string, string> Titles(string? path)
    {
        var source = path is null ? null : MetadataFiles.ReadItems(path, null);
        return id => source?.Value(id, "title") is { } title ? title : $"item {id}";
    }

    private static RowPrior? UserPrior(TrainedModel trained, string? usersPath, string? idColumn, string? columnsText, string? about)
    {
        if (about is null)
            return null;
        var path = usersPath ?? throw new UserErrorException("--about needs --users FILE, the metadata of the users the model was trained on.");
        var table = MetadataFiles.ReadUsers(path, idColumn).Encode(MetadataFiles.Columns(columnsText, FeatureColumn.MovieLensUsers));
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in about.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0)
                throw new UserErrorException($"--about: '{pair}' is not column=value.");
            values[parts[0]] = parts[1];
        }
        return MetadataModel.ForUsers(trained, table).Prior(table.Encode(values));
    }
}
