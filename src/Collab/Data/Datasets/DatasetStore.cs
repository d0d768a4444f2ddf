namespace Collab.Data.Datasets;

/// <summary>
/// Resolves dataset names to local files: the data directory first, then the cache, then (when allowed) a
/// verified download into the cache. <c>ml-sample</c> is the lesson's file when the data directory has it,
/// otherwise it is derived from ml-latest-small and cached.
/// </summary>
public sealed class DatasetStore
{
    // One client for the process when none is injected: HttpClient is meant to be reused, not disposed per call.
    private static readonly Lazy<HttpClient> SharedHttpClient = new(() => new HttpClient());

    private readonly HttpClient? _httpClient;
    private readonly IReadOnlyList<DatasetInfo> _catalog;

    /// <summary>Creates a store.</summary>
    /// <param name="options">Where to look and whether to download; see <see cref="DatasetStoreOptions.FromEnvironment()"/>.</param>
    /// <param name="httpClient">The client for downloads; null for a shared default one. The store does not dispose it.</param>
    public DatasetStore(DatasetStoreOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, DatasetCatalog.All)
    {
    }

    // Tests pass their own catalog so downloads can be checked against hashes of fixture files.
    internal DatasetStore(DatasetStoreOptions options, HttpClient? httpClient, IReadOnlyList<DatasetInfo> catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _httpClient = httpClient;
        _catalog = catalog;
    }

    /// <summary>The options this store was created with.</summary>
    public DatasetStoreOptions Options { get; }

    private HttpClient Http => _httpClient ?? SharedHttpClient.Value;

    /// <summary>Where a dataset's zip is downloaded from, honouring <see cref="DatasetStoreOptions.BaseUrl"/>.</summary>
    /// <param name="dataset">A dataset; for a derived one, the zip of its source.</param>
    /// <returns>The zip's URL.</returns>
    public Uri GetDownloadUrl(DatasetInfo dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (Options.BaseUrl is not { } baseUrl)
            return dataset.ZipUrl;
        // Without the trailing slash, Uri would replace the base's last segment instead of appending to it.
        var folder = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        return new Uri(folder, dataset.ZipUrl.Segments[^1]);
    }

    /// <summary>Finds a dataset on disk without downloading or deriving anything.</summary>
    /// <param name="name">A dataset name, e.g. <c>ml-100k</c>.</param>
    /// <returns>Its files, or null when they are not on disk.</returns>
    /// <exception cref="DatasetUnavailableException">The name is unknown.</exception>
    public DatasetFiles? TryLocate(string name) => Locate(Get(name));

    /// <summary>
    /// Resolves a dataset to local files, downloading it into the cache (or deriving it) when it is not on disk
    /// and <see cref="DatasetStoreOptions.AllowDownload"/> is set.
    /// </summary>
    /// <param name="name">A dataset name, e.g. <c>ml-100k</c>; case is ignored.</param>
    /// <param name="progress">Receives download progress; not called when the files are already on disk.</param>
    /// <param name="cancellationToken">Cancels a download or derivation; partial files are deleted.</param>
    /// <returns>The dataset's files.</returns>
    /// <exception cref="DatasetUnavailableException">
    /// The name is unknown, or the files are not on disk and cannot be downloaded; the message says what to do.
    /// </exception>
    /// <exception cref="DatasetIntegrityException">A download failed verification; nothing was kept.</exception>
    public Task<DatasetFiles> ResolveAsync(
        string name, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var dataset = Get(name);
        return IsSample(dataset)
            ? ResolveSampleAsync(dataset, progress, cancellationToken)
            : ResolvePublishedAsync(dataset, progress, cancellationToken);
    }

    /// <summary>The status of every known dataset, for the <c>collab datasets</c> listing; never downloads.</summary>
    /// <returns>One entry per dataset, in catalog order.</returns>
    public IReadOnlyList<DatasetStatus> Describe() =>
        [.. _catalog.Select(d => new DatasetStatus(d, Locate(d), GetDownloadUrl(d)))];

    private DatasetInfo Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return DatasetCatalog.TryGet(_catalog, name, out var dataset)
            ? dataset
            : throw DatasetUnavailableException.Unknown(name, _catalog.Select(d => d.Name));
    }

    private static bool IsSample(DatasetInfo dataset) => dataset.Name == DatasetCatalog.Sample.Name;

    private DatasetInfo SampleSource => Get(DatasetCatalog.LatestSmall.Name);

    private DatasetFiles? Locate(DatasetInfo dataset) => IsSample(dataset) ? LocateSample(dataset) : LocatePublished(dataset);

    private DatasetFiles? LocatePublished(DatasetInfo dataset) =>
        (Options.DataDirectory is { } data
            ? DatasetFiles.Find(dataset, Path.Combine(data, dataset.FolderName), DatasetSource.DataDirectory)
            : null)
        ?? DatasetFiles.Find(dataset, Path.Combine(Options.CacheDirectory, dataset.FolderName), DatasetSource.Cache);

    /// <summary>The lesson's exact file in the data directory, else a sample derived earlier into the cache.</summary>
    private DatasetFiles? LocateSample(DatasetInfo sample)
    {
        var files = (Options.DataDirectory is { } data
                ? DatasetFiles.Find(sample, Path.Combine(data, sample.FolderName), DatasetSource.DataDirectory)
                : null)
            ?? DatasetFiles.Find(sample, Path.Combine(Options.CacheDirectory, sample.FolderName), DatasetSource.Cache);
        return files is null ? null : WithSourceItems(files);
    }

    // The sample has no movies file of its own; its ids are ml-latest-small's, so that set's titles fit.
    private DatasetFiles WithSourceItems(DatasetFiles sample) =>
        sample with { ItemsPath = LocatePublished(SampleSource)?.ItemsPath };

    private async Task<DatasetFiles> ResolvePublishedAsync(
        DatasetInfo dataset, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        if (LocatePublished(dataset) is { } found)
            return found;

        var url = GetDownloadUrl(dataset);
        var unzipInto = Options.DataDirectory ?? Options.CacheDirectory;
        var folderHint = dataset.FolderName + "/";
        if (!Options.AllowDownload)
        {
            var missing = Path.Combine(unzipInto, dataset.FolderName, dataset.RatingsFile);
            throw DatasetUnavailableException.Missing(dataset.Name, missing, url, unzipInto, folderHint);
        }

        var downloader = new DatasetDownloader(Http, progress);
        try
        {
            var md5 = await downloader.FetchMd5Async(dataset, url, cancellationToken).ConfigureAwait(false);
            // The zip format's own CRCs are not checked on extraction, so with neither checksum nothing would be.
            if (md5 is null && dataset.RatingsSha256 is null)
                throw DatasetUnavailableException.DownloadFailed(
                    dataset.Name, url, $"no checksum at {DatasetInfo.Md5UrlFor(url)} to verify it against.", unzipInto, folderHint);
            var folder = await downloader.DownloadAsync(dataset, url, md5, Options.CacheDirectory, cancellationToken)
                .ConfigureAwait(false);
            return DatasetFiles.Find(dataset, folder, DatasetSource.Downloaded)
                ?? throw new InvalidOperationException($"{folder} lost its ratings file right after the download.");
        }
        catch (HttpRequestException ex)
        {
            throw DatasetUnavailableException.DownloadFailed(dataset.Name, url, ex.Message, unzipInto, folderHint, ex);
        }
        catch (HttpIOException ex)
        {
            throw DatasetUnavailableException.DownloadFailed(dataset.Name, url, ex.Message, unzipInto, folderHint, ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient reports its own timeout as a cancellation; the caller did not ask for it.
            throw DatasetUnavailableException.DownloadFailed(dataset.Name, url, "timed out.", unzipInto, folderHint, ex);
        }
    }

    private async Task<DatasetFiles> ResolveSampleAsync(
        DatasetInfo sample, IProgress<DownloadProgress>? progress, CancellationToken cancellationToken)
    {
        if (LocateSample(sample) is { } found)
            return found;

        var source = SampleSource;
        if (!Options.AllowDownload && LocatePublished(source) is null)
        {
            // One message for both ways to get the sample, rather than one about ml-latest-small alone.
            var unzipInto = Options.DataDirectory ?? Options.CacheDirectory;
            var lessonFile = Path.Combine(unzipInto, sample.FolderName, sample.RatingsFile);
            var sourceFile = Path.Combine(unzipInto, source.FolderName, source.RatingsFile);
            throw DatasetUnavailableException.Missing(
                sample.Name,
                $"{lessonFile} (or {sourceFile} to derive it from)",
                GetDownloadUrl(source),
                unzipInto,
                $"{sample.FolderName}/ or {source.FolderName}/");
        }
        // Download failures propagate as they are: they name ml-latest-small, which is what failed.
        var sourceFiles = await ResolvePublishedAsync(source, progress, cancellationToken).ConfigureAwait(false);

        var folder = Path.Combine(Options.CacheDirectory, sample.FolderName);
        Directory.CreateDirectory(folder);
        MovieLensSample.Write(sourceFiles.RatingsPath, Path.Combine(folder, sample.RatingsFile), cancellationToken);
        var derived = DatasetFiles.Find(sample, folder, DatasetSource.Derived)
            ?? throw new InvalidOperationException($"{folder} lost its ratings file right after it was written.");
        return derived with { ItemsPath = sourceFiles.ItemsPath };
    }
}
