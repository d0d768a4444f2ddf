namespace Collab.Data.Datasets;

/// <summary>The local files of a resolved dataset.</summary>
/// <param name="Dataset">The dataset.</param>
/// <param name="FolderPath">The folder holding the ratings file.</param>
/// <param name="RatingsPath">Full path of the ratings file; it exists.</param>
/// <param name="ItemsPath">Full path of the items file, or null when the set has none or it is absent.</param>
/// <param name="UsersPath">Full path of the users file, or null when the set has none or it is absent.</param>
/// <param name="Source">Where the files were found.</param>
public sealed record DatasetFiles(
    DatasetInfo Dataset,
    string FolderPath,
    string RatingsPath,
    string? ItemsPath,
    string? UsersPath,
    DatasetSource Source)
{
    /// <summary>
    /// The files of <paramref name="dataset"/> inside <paramref name="folder"/>, or null when its ratings file is
    /// not there. Items and users files are optional because people often copy only the ratings.
    /// </summary>
    internal static DatasetFiles? Find(DatasetInfo dataset, string folder, DatasetSource source)
    {
        var ratings = Path.Combine(folder, dataset.RatingsFile);
        return File.Exists(ratings)
            ? new(dataset, folder, ratings, Existing(folder, dataset.ItemsFile), Existing(folder, dataset.UsersFile), source)
            : null;
    }

    private static string? Existing(string folder, string? relative) =>
        relative is not null && File.Exists(Path.Combine(folder, relative)) ? Path.Combine(folder, relative) : null;
}
