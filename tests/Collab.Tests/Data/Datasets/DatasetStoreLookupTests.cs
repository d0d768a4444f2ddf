using Collab.Data.Datasets;

namespace Collab.Tests.Data.Datasets;

/// <summary>Finding sets already on disk, and the messages when they are not; no network involved.</summary>
public sealed class DatasetStoreLookupTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string DataDir => _temp.Combine("data");

    private string CacheDir => _temp.Combine("cache");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Data_directory_wins_over_the_cache()
    {
        WriteMl100K("data");
        WriteMl100K("cache");

        var files = await Offline().ResolveAsync("ml-100k");

        Assert.Equal(DatasetSource.DataDirectory, files.Source);
        Assert.Equal(_temp.Combine("data", "ml-100k", "u.data"), files.RatingsPath);
        Assert.Equal(_temp.Combine("data", "ml-100k", "u.item"), files.ItemsPath);
        Assert.Equal(_temp.Combine("data", "ml-100k", "u.user"), files.UsersPath);
    }

    [Fact]
    public async Task Cache_is_used_when_the_data_directory_lacks_the_set()
    {
        Directory.CreateDirectory(DataDir);
        WriteMl100K("cache");

        var files = await Offline().ResolveAsync("ML-100K");

        Assert.Equal(DatasetSource.Cache, files.Source);
        Assert.Equal(_temp.Combine("cache", "ml-100k"), files.FolderPath);
        Assert.Equal(_temp.Combine("cache", "ml-100k", "u.data"), files.RatingsPath);
    }

    [Fact]
    public async Task A_ratings_file_alone_is_enough_and_the_other_paths_are_null()
    {
        _temp.Write(Path.Combine("data", "ml-1m", "ratings.dat"), "1::1193::5::978300760\n");

        var files = await Offline().ResolveAsync("ml-1m");

        Assert.Equal(DatasetSource.DataDirectory, files.Source);
        Assert.Null(files.ItemsPath);
        Assert.Null(files.UsersPath);
    }

    [Fact]
    public async Task Missing_offline_names_the_file_the_url_and_where_to_unzip()
    {
        Directory.CreateDirectory(DataDir);

        var ex = await Assert.ThrowsAsync<DatasetUnavailableException>(() => Offline().ResolveAsync("ml-100k"));

        var missing = _temp.Combine("data", "ml-100k", "u.data");
        Assert.Equal(
            $"Dataset 'ml-100k' is not available offline: {missing} not found.{Environment.NewLine}"
            + $"Download https://files.grouplens.org/datasets/movielens/ml-100k.zip and unzip it into {DataDir} "
            + "(or set COLLAB_DATA to a folder that holds ml-100k/).",
            ex.Message);
        Assert.Equal(missing, ex.MissingPath);
        Assert.Equal(DatasetCatalog.Ml100K.ZipUrl, ex.DownloadUrl);
        Assert.Equal("ml-100k", ex.DatasetName);
    }

    [Fact]
    public async Task Without_a_data_directory_the_message_points_at_the_cache()
    {
        var store = new DatasetStore(new DatasetStoreOptions { CacheDirectory = CacheDir, AllowDownload = false });

        var ex = await Assert.ThrowsAsync<DatasetUnavailableException>(() => store.ResolveAsync("ml-25m"));

        Assert.Contains(_temp.Combine("cache", "ml-25m", "ratings.csv") + " not found", ex.Message);
        Assert.Contains($"unzip it into {CacheDir} ", ex.Message);
        Assert.Contains("https://files.grouplens.org/datasets/movielens/ml-25m.zip", ex.Message);
    }

    [Fact]
    public async Task Unknown_name_lists_the_known_names()
    {
        var store = Offline();

        var ex = await Assert.ThrowsAsync<DatasetUnavailableException>(() => store.ResolveAsync("movielens"));

        Assert.Equal("Unknown dataset 'movielens'. Known datasets: ml-sample, ml-latest-small, ml-100k, ml-1m, ml-25m.", ex.Message);
        Assert.Throws<DatasetUnavailableException>(() => store.TryLocate("movielens"));
    }

    [Fact]
    public async Task Offline_store_makes_no_request()
    {
        using var server = new LocalHttpServer();
        using var http = new HttpClient();
        var store = new DatasetStore(Options() with { BaseUrl = server.BaseUrl, AllowDownload = false }, http);

        await Assert.ThrowsAsync<DatasetUnavailableException>(() => store.ResolveAsync("ml-100k"));

        Assert.Empty(server.Requests);
        Assert.Empty(DatasetFixtures.Entries(CacheDir));
    }

    [Fact]
    public void Describe_reports_presence_location_and_url_of_every_set()
    {
        WriteMl100K("data");
        _temp.Write(Path.Combine("cache", "ml-1m", "ratings.dat"), "1::1193::5::978300760\n");

        var statuses = Offline().Describe();

        Assert.Equal(DatasetCatalog.Names, statuses.Select(s => s.Name));
        var ml100K = statuses.Single(s => s.Name == "ml-100k");
        Assert.True(ml100K.IsPresent);
        Assert.Equal(DatasetSource.DataDirectory, ml100K.Files!.Source);
        Assert.Equal(_temp.Combine("data", "ml-100k"), ml100K.Files.FolderPath);
        Assert.Equal(DatasetCatalog.Ml100K.Description, ml100K.Description);
        var ml1M = statuses.Single(s => s.Name == "ml-1m");
        Assert.Equal(DatasetSource.Cache, ml1M.Files!.Source);
        var ml25M = statuses.Single(s => s.Name == "ml-25m");
        Assert.False(ml25M.IsPresent);
        Assert.Null(ml25M.Files);
        Assert.Equal("https://files.grouplens.org/datasets/movielens/ml-25m.zip", ml25M.DownloadUrl.AbsoluteUri);
    }

    [Theory]
    [InlineData("http://mirror.example/movielens/")]
    [InlineData("http://mirror.example/movielens")]
    public void Base_url_override_keeps_the_zip_file_name(string baseUrl)
    {
        var store = new DatasetStore(Options() with { BaseUrl = new Uri(baseUrl) });

        Assert.Equal("http://mirror.example/movielens/ml-1m.zip", store.GetDownloadUrl(DatasetCatalog.Ml1M).AbsoluteUri);
        Assert.Equal("http://mirror.example/movielens/ml-latest-small.zip", store.Describe()[0].DownloadUrl.AbsoluteUri);
    }

    private DatasetStoreOptions Options() => new() { DataDirectory = DataDir, CacheDirectory = CacheDir };

    private DatasetStore Offline() => new(Options() with { AllowDownload = false });

    private void WriteMl100K(string root)
    {
        _temp.Write(Path.Combine(root, "ml-100k", "u.data"), DatasetFixtures.Ml100KRatings);
        _temp.Write(Path.Combine(root, "ml-100k", "u.item"), DatasetFixtures.Ml100KItems);
        _temp.Write(Path.Combine(root, "ml-100k", "u.user"), DatasetFixtures.Ml100KUsers);
    }
}
