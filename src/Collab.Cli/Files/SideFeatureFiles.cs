using Collab.ColdStart.Metadata;
using Collab.Data;

namespace Collab.Cli.Files;

/// <summary>
/// The attribute files the Bayesian factorization machine takes as features: given by --items/--users, found beside
/// the ratings (movies.csv, u.item, movies.dat; u.user, users.dat), or turned off with 'none'.
/// </summary>
internal static class SideFeatureFiles
{
    public const string None = "none";

    public static (AttributeTable? Items, AttributeTable? Users) Read(string ratingsPath, string? items, string? users)
    {
        var itemsPath = Resolve(items, MetadataFiles.ItemsBeside(ratingsPath));
        var usersPath = Resolve(users, MetadataFiles.UsersBeside(ratingsPath));
        return (Encode(itemsPath, p => MetadataFiles.ReadItems(p, null), FeatureColumn.MovieLensItemIndicators),
            Encode(usersPath, p => MetadataFiles.ReadUsers(p, null), FeatureColumn.MovieLensUsers));
    }

    private static string? Resolve(string? given, string? beside) =>
        given is null ? beside : given.Equals(None, StringComparison.OrdinalIgnoreCase) ? null : given;

    private static AttributeTable? Encode(string? path, Func<string, FeatureSource> read, IReadOnlyList<FeatureColumn> columns)
    {
        if (path is null)
            return null;
        try
        {
            return read(path).Encode(columns).ToAttributes(path);
        }
        catch (FormatException e)
        {
            throw new UserErrorException(e.Message);
        }
    }
}
