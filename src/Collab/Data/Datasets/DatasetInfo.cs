namespace Collab.Data.Datasets;

/// <summary>A rating set the library knows by name: where it is published and how its files are laid out.</summary>
/// <param name="Name">The name users type, e.g. <c>ml-100k</c>.</param>
/// <param name="Description">One line for listings.</param>
/// <param name="ZipUrl">
/// The zip to download. For a derived set (see <paramref name="DerivedFrom"/>) this is the zip of its source.
/// </param>
/// <param name="FolderName">The folder inside the zip, and under a data or cache directory, that holds the files.</param>
/// <param name="RatingsFile">The ratings file, relative to <paramref name="FolderName"/>.</param>
/// <param name="ItemsFile">The items (movies) file relative to <paramref name="FolderName"/>, or null when the set has none.</param>
/// <param name="UsersFile">The users file relative to <paramref name="FolderName"/>, or null when the set has none.</param>
/// <param name="RatingsSha256">
/// Lower-case hex SHA-256 of the published ratings file when known; a download whose ratings file
/// hashes differently is rejected.
/// </param>
/// <param name="ApproximateRatingCount">About how many ratings the set holds, for listings and size hints.</param>
/// <param name="Format">The layout of the files.</param>
/// <param name="DerivedFrom">The name of the set this one is computed from, or null for a published set.</param>
public sealed record DatasetInfo(
    string Name,
    string Description,
    Uri ZipUrl,
    string FolderName,
    string RatingsFile,
    string? ItemsFile,
    string? UsersFile,
    string? RatingsSha256,
    long ApproximateRatingCount,
    DatasetFormat Format,
    string? DerivedFrom = null)
{
    /// <summary>The URL of the MD5 checksum GroupLens publishes beside each zip.</summary>
    public Uri Md5Url => Md5UrlFor(ZipUrl);

    /// <summary>The checksum URL for a zip URL: the same address with <c>.md5</c> appended.</summary>
    internal static Uri Md5UrlFor(Uri zipUrl) => new(zipUrl.AbsoluteUri + ".md5");
}
