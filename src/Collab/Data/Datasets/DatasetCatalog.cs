using System.Diagnostics.CodeAnalysis;

namespace Collab.Data.Datasets;

/// <summary>The datasets the library knows by name.</summary>
public static class DatasetCatalog
{
    /// <summary>The GroupLens folder every MovieLens zip is published in.</summary>
    public static Uri GroupLensBaseUrl { get; } = new("https://files.grouplens.org/datasets/movielens/");

    /// <summary>MovieLens "latest small" (2018 edition), the source of <see cref="Sample"/>.</summary>
    public static DatasetInfo LatestSmall { get; } = new(
        "ml-latest-small",
        "MovieLens latest small (2018): 100,836 ratings by 610 users of 9,724 movies, half stars",
        ZipUrl("ml-latest-small"),
        "ml-latest-small",
        "ratings.csv",
        "movies.csv",
        UsersFile: null,
        "aa289ca83157595d0df6aea1be6a4ded676ddc4385472e8313a8ed9805352646",
        100_836,
        DatasetFormat.MovieLensCsv);

    /// <summary>
    /// The lesson's sample: the 100 most active users x the 100 most rated movies of ml-latest-small.
    /// Its hash is that of the lesson's own file, cut from the 2016 edition; a sample derived from the
    /// 2018 edition holds other rows and is not checked against it.
    /// </summary>
    public static DatasetInfo Sample { get; } = new(
        "ml-sample",
        "Lesson sample: the 100 most active users x 100 most rated movies of ml-latest-small",
        LatestSmall.ZipUrl,
        "movie_lens_sample",
        "ratings.csv",
        ItemsFile: null,
        UsersFile: null,
        "a557fd3b741915eaad99fd91e08a13102577976c627af3202236ab28ac555cd7",
        6_031,
        DatasetFormat.MovieLensCsv,
        DerivedFrom: LatestSmall.Name);

    /// <summary>MovieLens 100K (1998).</summary>
    public static DatasetInfo Ml100K { get; } = new(
        "ml-100k",
        "MovieLens 100K (1998): 100,000 ratings by 943 users of 1,682 movies, whole stars",
        ZipUrl("ml-100k"),
        "ml-100k",
        "u.data",
        "u.item",
        "u.user",
        RatingsSha256: null,
        100_000,
        DatasetFormat.MovieLens100K);

    /// <summary>MovieLens 1M (2003).</summary>
    public static DatasetInfo Ml1M { get; } = new(
        "ml-1m",
        "MovieLens 1M (2003): 1,000,209 ratings by 6,040 users of 3,706 movies, whole stars",
        ZipUrl("ml-1m"),
        "ml-1m",
        "ratings.dat",
        "movies.dat",
        "users.dat",
        RatingsSha256: null,
        1_000_209,
        DatasetFormat.MovieLensDat);

    /// <summary>MovieLens 25M (2019).</summary>
    public static DatasetInfo Ml25M { get; } = new(
        "ml-25m",
        "MovieLens 25M (2019): 25,000,095 ratings by 162,541 users of 59,047 movies, half stars",
        ZipUrl("ml-25m"),
        "ml-25m",
        "ratings.csv",
        "movies.csv",
        UsersFile: null,
        RatingsSha256: null,
        25_000_095,
        DatasetFormat.MovieLensCsv);

    /// <summary>Every known dataset, smallest first.</summary>
    public static IReadOnlyList<DatasetInfo> All { get; } = [Sample, LatestSmall, Ml100K, Ml1M, Ml25M];

    /// <summary>The names of <see cref="All"/>, in the same order.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(d => d.Name)];

    /// <summary>Finds a dataset by name, ignoring case.</summary>
    /// <param name="name">A dataset name such as <c>ml-100k</c>.</param>
    /// <param name="info">The dataset when found.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryGet(string name, [NotNullWhen(true)] out DatasetInfo? info) => TryGet(All, name, out info);

    /// <summary>Finds a dataset by name, ignoring case.</summary>
    /// <param name="name">A dataset name such as <c>ml-100k</c>.</param>
    /// <returns>The dataset.</returns>
    /// <exception cref="DatasetUnavailableException">The name is unknown; the message lists the known names.</exception>
    public static DatasetInfo Get(string name) =>
        TryGet(name, out var info) ? info : throw DatasetUnavailableException.Unknown(name, Names);

    /// <summary>The known names as one comma-separated string, for error messages and help text.</summary>
    /// <returns>For example <c>ml-sample, ml-latest-small, ml-100k, ml-1m, ml-25m</c>.</returns>
    public static string KnownNames() => string.Join(", ", Names);

    internal static bool TryGet(IReadOnlyList<DatasetInfo> catalog, string name, [NotNullWhen(true)] out DatasetInfo? info)
    {
        info = catalog.FirstOrDefault(d => string.Equals(d.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return info is not null;
    }

    private static Uri ZipUrl(string name) => new(GroupLensBaseUrl, name + ".zip");
}
