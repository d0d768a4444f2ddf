using Collab.ColdStart.Metadata;

namespace Collab.Cli.Files;

/// <summary>Finds and reads the metadata file of items or users for the cold-start commands.</summary>
internal static class MetadataFiles
{
    private static readonly string[] ItemFiles = ["movies.csv", "u.item", "movies.dat"];
    private static readonly string[] UserFiles = ["u.user", "users.dat"];

    /// <summary>The items file beside a ratings file (movies.csv, u.item or movies.dat), or null.</summary>
    public static string? ItemsBeside(string? ratingsPath) => Beside(ratingsPath, ItemFiles);

    /// <summary>The users file beside a ratings file (u.user or users.dat), or null.</summary>
    public static string? UsersBeside(string? ratingsPath) => Beside(ratingsPath, UserFiles);

    /// <summary>
    /// Reads item metadata: a MovieLens items file by its name (when no id column is given), else any
    /// delimited file with a header, keyed by <paramref name="idColumn"/>.
    /// </summary>
    public static FeatureSource ReadItems(string path, string? idColumn)
    {
        RequireFile(path);
        if (idColumn is null && ItemFiles.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase))
            return FeatureSource.MovieLensItems(path);
        return FeatureSource.FromCsv(path, idColumn ?? throw new UserErrorException($"{path} is not a MovieLens items file: give --id-column, the header of its id column."));
    }

    /// <summary>Reads user metadata: u.user or users.dat by name (when no id column is given), else any delimited file with a header.</summary>
    public static FeatureSource ReadUsers(string path, string? idColumn)
    {
        RequireFile(path);
        if (idColumn is null && UserFiles.Contains(Path.GetFileName(path), StringComparer.OrdinalIgnoreCase))
            return FeatureSource.MovieLensUsers(path);
        return FeatureSource.FromCsv(path, idColumn ?? throw new UserErrorException($"{path} is not a MovieLens users file: give --id-column, the header of its id column."));
    }

    /// <summary>Parses comma-separated feature columns (name[:kind[:argument]]), or returns the defaults when none are given.</summary>
    public static IReadOnlyList<FeatureColumn> Columns(string? text, IReadOnlyList<FeatureColumn> defaults)
    {
        if (string.IsNullOrWhiteSpace(text))
            return defaults;
        try
        {
            return [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(FeatureColumn.Parse)];
        }
        catch (FormatException e)
        {
            throw new UserErrorException($"--columns: {e.Message}");
        }
    }

    private static string? Beside(string? ratingsPath, string[] names)
    {
        var folder = ratingsPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(ratingsPath));
        return folder is null ? null : names.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
    }

    private static void RequireFile(string path)
    {
        if (!File.Exists(path))
            throw new UserErrorException($"{path} does not exist.");
    }
}
