using System.Net;
using System.Net.Sockets;
using Collab.Data.Datasets;

namespace Collab.Tests.Data.Datasets;

/// <summary>Downloads from a real HTTP server on 127.0.0.1 serving fixture zips; never the internet.</summary>
public sealed class DatasetDownloadTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly LocalHttpServer _server = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private string DataDir => _temp.Combine("data");

    private string CacheDir => _temp.Combine("cache");

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task Download_verifies_the_md5_and_unpacks_into_the_cache()
    {
        var zip = DatasetFixtures.Ml100KZip();
        _server.ServeZip("ml-100k", zip, DatasetFixtures.Md5Hex(zip));

        var files = await Store().ResolveAsync("ml-100k");

        Assert.Equal(DatasetSource.Downloaded, files.Source);
        Assert.Equal(_temp.Combine("cache", "ml-100k", "u.data"), files.RatingsPath);
        Assert.Equal(DatasetFixtures.Ml100KRatings, await File.ReadAllTextAsync(files.RatingsPath));
        Assert.Equal(DatasetFixtures.Ml100KItems, await File.ReadAllTextAsync(files.ItemsPath!));
        Assert.Equal(DatasetFixtures.Ml100KUsers, await File.ReadAllTextAsync(files.UsersPath!));
        // Only the unpacked set remains: no temp zip or extraction folder.
        Assert.Equal(["ml-100k"], Directory.GetFileSystemEntries(CacheDir).Select(Path.GetFileName));
        Assert.Equal(["/ml-100k.zip.md5", "/ml-100k.zip"], _server.Requests);
    }

    [Fact]
    public async Task A_second_resolve_uses_the_cache_without_requests()
    {
        var zip = DatasetFixtures.Ml100KZip();
        _server.ServeZip("ml-100k", zip, DatasetFixtures.Md5Hex(zip));
        await Store().ResolveAsync("ml-100k");
        var requests = _server.Requests.Count;

        var files = await Store().ResolveAsync("ml-100k");

        Assert.Equal(DatasetSource.Cache, files.Source);
        Assert.Equal(requests, _server.Requests.Count);
    }

    [Fact]
    public async Task Progress_counts_up_to_the_announced_size()
    {
        var zip = DatasetFixtures.Zip(new Dictionary<string, string>
        {
            ["ml-100k/u.data"] = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"{i % 943}\t{i % 1682}\t{(i % 5) + 1}\t{880_000_000 + i}\n")),
        });
        _server.ServeZip("ml-100k", zip, DatasetFixtures.Md5Hex(zip));
        var progress = new RecordingProgress();

        await Store().ResolveAsync("ml-100k", progress);

        var reports = progress.Reports;
        Assert.True(reports.Count >= 2, $"expected several reports, got {reports.Count}");
        Assert.All(reports, r => Assert.Equal("ml-100k", r.Dataset));
        Assert.All(reports, r => Assert.Equal(zip.Length, r.TotalBytes));
        Assert.Equal(0, reports[0].BytesDone);
        Assert.Equal(zip.Length, reports[^1].BytesDone);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.Equal(reports.Select(r => r.BytesDone).Order(), reports.Select(r => r.BytesDone));
    }

    [Fact]
    public async Task Progress_has_no_total_when_the_server_sends_no_length()
    {
        var zip = DatasetFixtures.Ml100KZip();
        _server.Serve("ml-100k.zip", zip, sendLength: false);
        _server.Serve("ml-100k.zip.md5", DatasetFixtures.Md5Hex(zip) + "  ml-100k.zip\n");
        var progress = new RecordingProgress();

        var files = await Store().ResolveAsync("ml-100k", progress);

        Assert.Equal(DatasetSource.Downloaded, files.Source);
        Assert.All(progress.Reports, r => Assert.Null(r.TotalBytes));
        Assert.All(progress.Reports, r => Assert.Null(r.Fraction));
        Assert.Equal(zip.Length, progress.Reports[^1].BytesDone);
    }

    [Fact]
    public async Task Md5_mismatch_is_rejected_and_nothing_is_left()
    {
        var zip = DatasetFixtures.Ml100KZip();
        var corrupted = (byte[])zip.Clone();
        corrupted[zip.Length / 2] ^= 0xFF;
        var expected = DatasetFixtures.Md5Hex(zip);
        _server.ServeZip("ml-100k", corrupted, expected);

        var ex = await Assert.ThrowsAsync<DatasetIntegrityException>(() => Store().ResolveAsync("ml-100k"));

        var actual = DatasetFixtures.Md5Hex(corrupted);
        Assert.Equal(expected, ex.Expected);
        Assert.Equal(actual, ex.Actual);
        Assert.Equal("ml-100k", ex.DatasetName);
        Assert.Contains($"MD5 of {_server.BaseUrl}ml-100k.zip is {actual}, expected {expected}", ex.Message);
        Assert.Empty(DatasetFixtures.Entries(CacheDir));
    }

    [Fact]
    public async Task Ratings_sha256_mismatch_is_rejected_and_nothing_is_left()
    {
        // The real catalog knows ml-latest-small's hash; a fixture with the right MD5 but other ratings must fail.
        var zip = DatasetFixtures.Zip(new Dictionary<string, string> { ["ml-latest-small/ratings.csv"] = "userId,movieId,rating,timestamp\n1,1,4.0,1\n" });
        _server.ServeZip("ml-latest-small", zip, DatasetFixtures.Md5Hex(zip));

        var ex = await Assert.ThrowsAsync<DatasetIntegrityException>(() => Store().ResolveAsync("ml-latest-small"));

        Assert.Equal(DatasetCatalog.LatestSmall.RatingsSha256, ex.Expected);
        Assert.Contains("SHA-256 of ml-latest-small/ratings.csv", ex.Message);
        Assert.Empty(DatasetFixtures.Entries(CacheDir));
    }

    [Fact]
    public async Task Missing_md5_is_accepted_when_the_ratings_hash_is_known()
    {
        const string ratings = "userId,movieId,rating,timestamp\n1,1,4.0,1\n";
        var zip = DatasetFixtures.Zip(new Dictionary<string, string> { ["ml-latest-small/ratings.csv"] = ratings });
        _server.ServeZip("ml-latest-small", zip, md5: null);
        var store = Store(DatasetFixtures.CatalogWithLatestSmallHash(DatasetFixtures.Sha256Hex(ratings)));

        var files = await store.ResolveAsync("ml-latest-small");

        Assert.Equal(DatasetSource.Downloaded, files.Source);
        Assert.Equal(ratings, await File.ReadAllTextAsync(files.RatingsPath));
    }

    [Fact]
    public async Task Missing_md5_without_a_known_hash_is_refused_before_downloading()
    {
        _server.ServeZip("ml-100k", DatasetFixtures.Ml100KZip(), md5: null);

        var ex = await Assert.ThrowsAsync<DatasetUnavailableException>(() => Store().ResolveAsync("ml-100k"));

        Assert.Contains($"no checksum at {_server.BaseUrl}ml-100k.zip.md5", ex.Message);
        Assert.Contains($"unzip it into {DataDir}", ex.Message);
        Assert.DoesNotContain("/ml-100k.zip", _server.Requests);
        Assert.Empty(DatasetFixtures.Entries(CacheDir));
    }

    [Fact]
    public async Task Checksum_file_without_an_md5_is_refused()
    {
        _server.Serve("ml-100k.zip", DatasetFixtures.Ml100KZip());
        _server.Serve("ml-100k.zip.md5", "<html>maintenance</html>");

        var ex = await Assert.ThrowsAsync<DatasetIntegrityException>(() => Store().ResolveAsync("ml-100k"));

        Assert.Contains("does not contain an MD5 checksum", ex.Message);
        Assert.Empty(DatasetFixtures.Entries(CacheDir));
    }

    [Fact]
    public async Task A_download_that_is_not_a_zip_is_rejected()
    {
        var notZip = "<html>captive portal</html>"u8.ToArray();
        _server.ServeZip("ml-100k", notZip, DatasetFixtures.Md5Hex(notZip));

        var ex = await Assert.ThrowsAsync<DatasetIntegrityException>(() => Store().ResolveAsync("ml-100k"));

        Assert.Contains("not a readable zip", ex.Message);
        Assert.Empty(DatasetFixtures.Entries(CacheDir));
    }

    [Fact]
    public async Task A_zip_without_the_ratings_file_is_rejected()
    {
        var zip = DatasetFixtures.Zip(new Dictionary<string, string> { ["ml-100k/README"] = "no data here" });
        _server.ServeZip("ml-100k", zip, DatasetFixtures.Md5Hex(zip));

        var ex = await Assert.ThrowsAsync<DatasetIntegrityException>(() => Store().ResolveAsync("ml-100k"));

        Assert.Contains("does not contain ml-100k/u.data", ex.Message);
        Assert.Empty(DatasetFixtures.Entries(CacheDir));
    }

    [Fact]
    public async Task A_zip_of_bare_files_is_placed_in_the_set_folder()
    {
        var zip = DatasetFixtures.Zip(new Dictionary<string, string> { ["u.data"] = DatasetFixtures.Ml100KRatings });
        _server.ServeZip("ml-100k", zip, DatasetFixtures.Md5Hex(zip));

        var files = await Store().ResolveAsync("ml-100k");

        Assert.Equal(_temp.Combine("cache", "ml-100k", "u.data"), files.RatingsPath);
        Assert.Equal(["ml-100k"], Directory.GetFileSystemEntries(CacheDir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_zip_missing_on_the_server_gives_the_manual_instructions()
    {
        _server.Serve("ml-1m.zip.md5", "MD5 (ml-1m.zip) = 0123456789abcdef0123456789abcdef");

        var ex = await Assert.ThrowsAsync<DatasetUnavailableException>(() => Store().ResolveAsync("ml-1m"));

        Assert.StartsWith($"Dataset 'ml-1m' could not be downloaded from {_server.BaseUrl}ml-1m.zip: ", ex.Message);
        Assert.Contains("404", ex.Message);
        Assert.Contains($"unzip it into {DataDir} (or set COLLAB_DATA to a folder that holds ml-1m/)", ex.Message);
        Assert.IsType<HttpRequestException>(ex.InnerException);
        Assert.Empty(DatasetFixtures.Entries(CacheDir));
    }

    [Fact]
    public async Task An_unreachable_server_gives_the_manual_instructions()
    {
        var store = new DatasetStore(Options() with { BaseUrl = new Uri($"http://127.0.0.1:{ClosedPort()}/") }, _http);

        var ex = await Assert.ThrowsAsync<DatasetUnavailableException>(() => store.ResolveAsync("ml-25m"));

        Assert.StartsWith($"Dataset 'ml-25m' could not be downloaded from {store.GetDownloadUrl(DatasetCatalog.Ml25M)}: ", ex.Message);
        Assert.Contains($"unzip it into {DataDir} (or set COLLAB_DATA to a folder that holds ml-25m/)", ex.Message);
        Assert.NotNull(ex.InnerException);
        Assert.Equal("ml-25m", ex.DatasetName);
    }

    [Fact]
    public async Task Cancelling_mid_download_leaves_nothing_behind()
    {
        var body = new byte[2_000_000];
        new Random(7).NextBytes(body);
        _server.ServeZip("ml-100k", body, DatasetFixtures.Md5Hex(body));
        using var cancel = new CancellationTokenSource();
        var progress = new RecordingProgress(p =>
        {
            if (p.BytesDone > 0)
                cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Store().ResolveAsync("ml-100k", progress, cancel.Token));

        Assert.True(progress.Reports[^1].BytesDone < body.Length);
        Assert.Empty(DatasetFixtures.Entries(CacheDir));
    }

    [Fact]
    public async Task The_sample_is_derived_from_a_downloaded_latest_small()
    {
        const string ratings = "userId,movieId,rating,timestamp\r\n2,5,3.0,10\r\n1,5,4.5,11\r\n";
        var zip = DatasetFixtures.Zip(new Dictionary<string, string>
        {
            ["ml-latest-small/ratings.csv"] = ratings,
            ["ml-latest-small/movies.csv"] = "movieId,title,genres\r\n5,Father of the Bride Part II (1995),Comedy\r\n",
        });
        _server.ServeZip("ml-latest-small", zip, DatasetFixtures.Md5Hex(zip));
        var store = Store(DatasetFixtures.CatalogWithLatestSmallHash(DatasetFixtures.Sha256Hex(ratings)));

        var files = await store.ResolveAsync("ml-sample");

        Assert.Equal(DatasetSource.Derived, files.Source);
        Assert.Equal(_temp.Combine("cache", "movie_lens_sample", "ratings.csv"), files.RatingsPath);
        Assert.Equal(_temp.Combine("cache", "ml-latest-small", "movies.csv"), files.ItemsPath);
        Assert.Equal("userId,movieId,rating,timestamp\n2,5,3.0,10\n1,5,4.5,11\n", await File.ReadAllTextAsync(files.RatingsPath));
    }

    private DatasetStoreOptions Options() => new() { DataDirectory = DataDir, CacheDirectory = CacheDir };

    private DatasetStore Store(IReadOnlyList<DatasetInfo>? catalog = null) =>
        new(Options() with { BaseUrl = _server.BaseUrl }, _http, catalog ?? DatasetCatalog.All);

    private static int ClosedPort()
    {
        // Bind and release a port: nothing listens there for the moment the test needs.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
