using Collab.Data.Datasets;
using Spectre.Console;

namespace Collab.Cli.Files;

/// <summary>Turns the user's source argument (a file path or a dataset name) into a ratings file path.</summary>
internal static class RatingsSource
{
    public static async Task<string> ResolveAsync(string source, string? dataDir, IAnsiConsole progressConsole, bool quiet, CancellationToken cancellation)
    {
        if (File.Exists(source))
            return source;
        if (!DatasetCatalog.TryGet(source, out _))
        {
            throw new UserErrorException(
                $"'{source}' is neither a file nor a known dataset. Give a ratings file path or one of: {DatasetCatalog.KnownNames()}.");
        }
        var options = DatasetStoreOptions.FromEnvironment();
        if (dataDir is not null)
            options = options with { DataDirectory = dataDir };
        var store = new DatasetStore(options);
        if (store.TryLocate(source) is { } found)
            return found.RatingsPath;
        if (quiet || !progressConsole.Profile.Capabilities.Interactive)
            return (await store.ResolveAsync(source, null, cancellation)).RatingsPath;
        DatasetFiles? files = null;
        await progressConsole.Progress().StartAsync(async context =>
        {
            var task = context.AddTask($"Downloading {source}", maxValue: 1);
            var progress = new Progress<DownloadProgress>(p => task.Value = p.Fraction ?? 0);
            files = await store.ResolveAsync(source, progress, cancellation);
            task.Value = 1;
        });
        return files!.RatingsPath;
    }
}
