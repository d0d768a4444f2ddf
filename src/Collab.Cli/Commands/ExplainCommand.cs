using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collab.Cli.Files;
using Collab.Data;
using Collab.Interpretation;
using Collab.Persistence;
using Spectre.Console;

namespace Collab.Cli.Commands;

/// <summary><c>collab explain</c>: what the model learned, as the lesson reads it: biases, and the principal components of the factors.</summary>
internal static class ExplainCommand
{
    public static Command Create()
    {
        var model = ModelOptions.Model();
        var biases = new Option<bool>("--biases") { Description = "Rank the learned biases, with each one's training mean rating and count." };
        var pca = new Option<int?>("--pca") { Description = "Principal components of the factors to show (the lesson: 3)." };
        var plot = new Option<string?>("--plot") { Description = "With --pca: save a PNG scatter on the first two components, extremes labelled." };
        var users = new Option<bool>("--users") { Description = "Explain the user tables instead of the item tables." };
        var count = ModelOptions.Count(15);
        var top = new Option<int>("--top") { Description = "Look only at the most rated items (or users): rarely rated ones keep mostly initial, decayed weights (fastai: 1000).", DefaultValueFactory = _ => ModelBiases.DefaultMostRated };
        var itemsFile = ModelOptions.ItemsFile();
        var json = CommonOptions.Json();
        var command = new Command("explain", "Show what the model learned: the best and worst items by bias, and the main directions of the item factors.")
        {
            model, biases, pca, plot, users, count, top, itemsFile, json,
        };
        command.SetAction(parse => Run(new Request(parse.GetValue(model)!, parse.GetValue(biases), parse.GetValue(pca), parse.GetValue(plot),
            parse.GetValue(users) ? ModelSide.Users : ModelSide.Items, parse.GetValue(count), parse.GetValue(top), parse.GetValue(itemsFile), parse.GetValue(json))));
        return command;
    }

    private sealed record Request(string Model, bool Biases, int? Pca, string? Plot, ModelSide Side, int Count, int Top, string? ItemsFile, bool Json);

    private static int Run(Request request)
    {
        if (!request.Biases && request.Pca is null)
            throw new UserErrorException("say what to explain: --biases, --pca N, or both.");
        if (request.Plot is not null && request.Pca is null)
            throw new UserErrorException("--plot draws the PCA scatter: add --pca N.");
        if (request.Count < 1 || request.Top < 2)
            throw new UserErrorException("-n must be at least 1 and --top at least 2.");
        var trained = TrainedModel.Load(request.Model);
        var titles = request.Side == ModelSide.Items ? ItemTitles.Find(request.ItemsFile, trained.Summary.Source) : null;
        var ranked = request.Biases ? ModelBiases.Rank(trained, request.Side, request.Top) : null;
        FactorPca? pca = null;
        if (request.Pca is { } components)
        {
            if (components < 1 || components > trained.FactorsFor("explain --pca").Factors)
                throw new UserErrorException($"--pca takes 1 to {trained.FactorsFor("explain --pca").Factors} components (the model has {trained.FactorsFor("explain --pca").Factors} factors).");
            pca = FactorPca.Compute(trained, request.Side, components, request.Top);
        }
        if (request.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                side = request.Side,
                mostRated = request.Top,
                highestBias = ranked?.Take(request.Count).Select(e => BiasJson(e, titles)),
                lowestBias = ranked?.TakeLast(request.Count).Reverse().Select(e => BiasJson(e, titles)),
                pca = pca is null ? null : Enumerable.Range(0, pca.Components.Count).Select(c => new
                {
                    component = c + 1,
                    variance = pca.Components.Variance[c],
                    explainedRatio = pca.Components.ExplainedRatio[c],
                    highest = pca.Ranked(c).Take(request.Count).Select(s => new { id = s.Id, title = titles?.TitleOf(s.Id), score = s.Score }),
                    lowest = pca.Ranked(c).TakeLast(request.Count).Reverse().Select(s => new { id = s.Id, title = titles?.TitleOf(s.Id), score = s.Score }),
                }),
            }, CollabJson.Options));
        }
        else
        {
            if (ranked is not null)
                WriteBiases(ranked, titles, request);
            if (pca is not null)
                WritePca(pca, titles, request);
        }
        if (request.Plot is not null && pca is not null)
        {
            Plots.PcaPlot.Save(pca, titles, labelsPerEnd: 5, request.Plot);
            if (!request.Json)
                Console.Out.WriteLine($"PCA scatter saved to {request.Plot}");
        }
        return ExitCodes.Ok;
    }

    private static object BiasJson(BiasEntry e, ItemCatalog? titles) =>
        new { id = e.Id, title = titles?.TitleOf(e.Id), bias = e.Bias, meanRating = e.MeanRating, ratings = e.Ratings };

    private static void WriteBiases(IReadOnlyList<BiasEntry> ranked, ItemCatalog? titles, Request request)
    {
        string what = request.Side == ModelSide.Items ? "items" : "users";
        Console.Out.WriteLine($"Learned {what[..^1]} biases of the {ranked.Count:N0} most rated {what} (the part of a rating the factors do not explain):");
        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("bias").RightAligned()).AddColumn(request.Side == ModelSide.Items ? "item" : "user");
        if (titles is not null)
            table.AddColumn("title");
        table.AddColumn(new TableColumn("mean rating").RightAligned()).AddColumn(new TableColumn("ratings").RightAligned());
        void Row(BiasEntry e)
        {
            var cells = new List<string> { e.Bias.ToString("F3", CultureInfo.InvariantCulture), Markup.Escape(e.Id) };
            if (titles is not null)
                cells.Add(Markup.Escape(titles.TitleOf(e.Id) ?? "?"));
            cells.Add(e.MeanRating.ToString("F2", CultureInfo.InvariantCulture));
            cells.Add(e.Ratings.ToString(CultureInfo.InvariantCulture));
            table.AddRow([.. cells]);
        }
        int shown = Math.Min(request.Count, ranked.Count);
        foreach (var e in ranked.Take(shown))
            Row(e);
        if (ranked.Count > shown)
        {
            table.AddEmptyRow();
            foreach (var e in ranked.Skip(Math.Max(shown, ranked.Count - request.Count)))
                Row(e);
        }
        AnsiConsole.Write(table);
    }

    private static void WritePca(FactorPca pca, ItemCatalog? titles, Request request)
    {
        var c = pca.Components;
        Console.Out.WriteLine($"Principal components of the factors of the {pca.Ids.Count:N0} most rated {(request.Side == ModelSide.Items ? "items" : "users")}:");
        for (int k = 0; k < c.Count; k++)
        {
            var ranked = pca.Ranked(k);
            var table = new Table().Border(TableBorder.Simple)
                .Title($"component {k + 1}: {c.ExplainedRatio[k]:P1} of the variance")
                .AddColumn(new TableColumn("high end").RightAligned()).AddColumn("")
                .AddColumn(new TableColumn("low end").RightAligned()).AddColumn("");
            int shown = Math.Min(request.Count, ranked.Count / 2);
            for (int r = 0; r < shown; r++)
            {
                var high = ranked[r];
                var low = ranked[^(r + 1)];
                table.AddRow(Score(high), Name(high.Id, titles), Score(low), Name(low.Id, titles));
            }
            AnsiConsole.Write(table);
        }
    }

    private static string Score(ComponentScore s) => s.Score.ToString("F3", CultureInfo.InvariantCulture);

    private static string Name(string id, ItemCatalog? titles) => Markup.Escape(titles?.TitleOf(id) ?? id);
}
