using System.Globalization;
using System.Text.Json;
using Collab.Data;
using Collab.Recommend;
using Spectre.Console;

namespace Collab.Cli.Rendering;

/// <summary>Shows a ranking (recommendations or neighbours) as a table with titles, or as JSON.</summary>
internal static class RankingView
{
    public static void Write(Ranking ranking, ItemCatalog? titles, bool json)
    {
        bool items = ranking.Kind != RankingKind.SimilarUsers;
        var catalog = items ? titles : null;
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(ToJson(ranking, catalog), CollabJson.Options));
            return;
        }
        var message = ranking.Message;
        if (ranking.Kind == RankingKind.SimilarItems && titles?.TitleOf(ranking.Query) is { } title)
            message = message.Replace($"'{ranking.Query}'", $"'{ranking.Query}' ({title})", StringComparison.Ordinal);
        Console.Out.WriteLine(message + ":");
        string score = ranking.Kind != RankingKind.Recommendations ? "cosine" : ranking.ByScore ? "score" : "predicted";
        var table = new Table().Border(TableBorder.Simple).AddColumn(new TableColumn("#").RightAligned()).AddColumn(items ? "item" : "user");
        if (catalog is not null)
            table.AddColumns("title", "genres");
        table.AddColumn(new TableColumn(score).RightAligned()).AddColumn(new TableColumn("ratings").RightAligned());
        int rank = 0;
        foreach (var r in ranking.Results)
        {
            var cells = new List<string> { (++rank).ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Id) };
            if (catalog is not null)
            {
                catalog.TryGet(r.Id, out var info);
                cells.Add(Markup.Escape(info?.Title ?? "?"));
                cells.Add(Markup.Escape(info is null ? "" : string.Join('|', info.Genres)));
            }
            cells.Add(r.Score.ToString(ranking.Kind == RankingKind.Recommendations ? "F3" : "F4", CultureInfo.InvariantCulture));
            cells.Add(r.TrainingRatings.ToString(CultureInfo.InvariantCulture));
            table.AddRow([.. cells]);
        }
        AnsiConsole.Write(table);
    }

    /// <summary>
    /// The ranking as JSON. The list is <c>items</c> as in the HTTP API's rankings (recommendations, similar items), or
    /// <c>users</c> for the users nearest a user.
    /// </summary>
    public static Dictionary<string, object?> ToJson(Ranking ranking, ItemCatalog? titles) => new()
    {
        ["query"] = ranking.Query,
        ["kind"] = ranking.Kind,
        ["found"] = ranking.Found,
        ["message"] = ranking.Message,
        [ranking.Kind == RankingKind.SimilarUsers ? "users" : "items"] = ranking.Results.Select((r, i) => new
        {
            rank = i + 1,
            id = r.Id,
            title = titles?.TitleOf(r.Id),
            score = r.Score,
            trainingRatings = r.TrainingRatings,
        }),
    };
}
