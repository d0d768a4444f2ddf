namespace Collab.Data.Datasets;

/// <summary>Where a <see cref="DatasetStore"/> looks for datasets and whether it may download them.</summary>
public sealed record DatasetStoreOptions
{
    /// <summary>The environment variable naming the data directory.</summary>
    public const string DataDirectoryVariable = "COLLAB_DATA";

    /// <summary>
    /// A folder where datasets already are, laid out as <c>&lt;dir&gt;/&lt;FolderName&gt;/...</c>; searched first.
    /// Null to use only the cache.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>Where downloaded and derived datasets are kept; see <see cref="DefaultCacheDirectory()"/>.</summary>
    public string CacheDirectory { get; init; } = DefaultCacheDirectory();

    /// <summary>
    /// Replaces the folder the zips are downloaded from (a mirror, or a local server in tests); each zip keeps
    /// its file name. Null for GroupLens.
    /// </summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>Whether a dataset found neither in the data directory nor in the cache may be downloaded.</summary>
    public bool AllowDownload { get; init; } = true;

    /// <summary>
    /// Options from the environment: <c>COLLAB_DATA</c> for the data directory, and the default cache directory.
    /// </summary>
    /// <returns>The options; callers override fields with <c>with</c>, e.g. from a <c>--data-dir</c> flag.</returns>
    public static DatasetStoreOptions FromEnvironment() => FromEnvironment(Environment.GetEnvironmentVariable);

    /// <summary>
    /// The default cache: <c>$XDG_CACHE_HOME/collab</c>, or <c>~/.cache/collab</c> when that variable is unset.
    /// </summary>
    /// <returns>An absolute folder path; it need not exist yet.</returns>
    public static string DefaultCacheDirectory() => DefaultCacheDirectory(Environment.GetEnvironmentVariable);

    // The variable lookup is a parameter so tests can check the rules without touching the process environment.
    internal static DatasetStoreOptions FromEnvironment(Func<string, string?> getVariable) => new()
    {
        DataDirectory = NonEmpty(getVariable(DataDirectoryVariable)) is { } data ? Path.GetFullPath(data) : null,
        CacheDirectory = DefaultCacheDirectory(getVariable),
    };

    internal static string DefaultCacheDirectory(Func<string, string?> getVariable)
    {
        // The XDG spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
        if (NonEmpty(getVariable("XDG_CACHE_HOME")) is { } xdg && Path.IsPathFullyQualified(xdg))
            return Path.Combine(xdg, "collab");
        var home = NonEmpty(getVariable("HOME")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(home, ".cache", "collab");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
