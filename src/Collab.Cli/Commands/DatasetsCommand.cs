using System.CommandLine;
using System.Text.Json;
using Collab.Data.Datasets;
using Spectre.Console;

namespace Collab.Cli.Commands;

/// <summary><c>collab datasets</c>: the MovieLens sets known by name, and where each one is (or would be) found.</summary>
internal static class DatasetsCommand
{
    public static Command Create()
    {
        var dataDir = CommonOptions.DataDir();
        var json = CommonOptions.Json();
        var command = new Command("datasets", "List the datasets known by name and where they are cached.") { dataDir, json };
        command.SetAction(parse => Run(parse.GetValue(dataDir), parse.GetValue(json)));
        return command;
    }

    private static int Run(string? dataDir, bool json)
    {
        var options = DatasetStoreOptions.FromEnvironment();
        if (dataDir is not null)
            options = options with { DataDirectory = dataDir };
        var statuses = new DatasetStore(options).Describe();
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(statuses.Select(s => new
            {
                name = s.Name,
                description = s.Description,
                present = s.IsPresent,
                ratings = s.Files?.RatingsPath,
                url = s.DownloadUrl,
            }), CollabJson.Options));
            return ExitCodes.Ok;
        }
        var table = new Table().Border(TableBorder.Simple).AddColumns("name", "description", "where");
        foreach (var s in statuses)
            table.AddRow(Markup.Escape(s.Name), Markup.Escape(s.Description), Markup.Escape(s.Files?.RatingsPath ?? $"not present (downloads from {s.DownloadUrl})"));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"Data folder: {options.DataDirectory ?? "(none; set COLLAB_DATA or --data-dir)"}; cache: {options.CacheDirectory}");
        return ExitCodes.Ok;
    }
}
