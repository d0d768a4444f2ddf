using Collab.Data;
using Collab.Data.Datasets;

namespace Collab.Cli.Files;

/// <summary>
/// Finds the titles for a model's items: the file the user named, else the items file of the catalog dataset
/// whose ratings trained the model, else a MovieLens items file beside the ratings file.
/// </summary>
internal static class ItemTitles
{
    private static readonly string[] KnownNames = ["movies.csv", "u.item", "movies.dat"];

    public static ItemCatalog? Find(string? itemsFile, string ratingsSource, string? dataDir = null)
    {
        if (itemsFile is not null)
            return ItemCatalog.Read(itemsFile);
        return Locate(ratingsSource, dataDir) is { } path ? ItemCatalog.Read(path) : null;
    }

    private static string? Locate(string ratingsSource, string? dataDir)
    {
        if (string.IsNullOrEmpty(ratingsSource) || !File.Exists(ratingsSource))
            return null;
        var ratings = Path.GetFullPath(ratingsSource);
        var options = DatasetStoreOptions.FromEnvironment();
        if (dataDir is not null)
            options = options with { DataDirectory = dataDir };
        // A catalog dataset knows its items file even when it lives elsewhere (ml-sample's is ml-latest-small's).
        var fromCatalog = new DatasetStore(options).Describe()
            .Select(s => s.Files)
            .FirstOrDefault(f => f is not null && Path.GetFullPath(f.RatingsPath) == ratings)?.ItemsPath;
        return fromCatalog ?? KnownNames
            .Select(name => Path.Combine(Path.GetDirectoryName(ratings)!, name))
            .FirstOrDefault(File.Exists);
    }
}
