using System.Globalization;
using System.Text;
using Collab.Data.Datasets;

namespace Collab.Tests.Data.Datasets;

/// <summary>How <c>ml-sample</c> is found or derived; all offline.</summary>
public sealed class MovieLensSampleTests : IDisposable
{
    private const string Header = "userId,movieId,rating,timestamp";

    private readonly TempDirectory _temp = new();

    private string DataDir => _temp.Combine("data");

    private string CacheDir => _temp.Combine("cache");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_lessons_file_in_the_data_directory_is_used_as_is()
    {
        var lesson = _temp.Write(Path.Combine("data", "movie_lens_sample", "ratings.csv"), Header + "\n73,1097,4.0,1255504951\n");
        WriteLatestSmall("userId,movieId,rating,timestamp\r\n1,1,4.0,1\r\n");

        var files = await Offline().ResolveAsync("ml-sample");

        Assert.Equal(DatasetSource.DataDirectory, files.Source);
        Assert.Equal(lesson, files.RatingsPath);
        // Titles come from ml-latest-small when it is on disk: the sample uses its movie ids.
        Assert.Equal(_temp.Combine("data", "ml-latest-small", "movies.csv"), files.ItemsPath);
        Assert.False(Directory.Exists(_temp.Combine("cache", "movie_lens_sample")));
    }

    [Fact]
    public void Most_active_users_and_most_rated_movies_are_kept_ties_to_the_smaller_id_in_file_order()
    {
        // Users 2, 5 and 9 have 3 ratings each, user 1 has one: the top two are 2 and 5 (smaller ids).
        // Movies 10, 20 and 30 have 3 ratings each, 40 has one: the top two are 10 and 20.
        var source = _temp.Write("ratings.csv", string.Join("\r\n",
            Header,
            "5,10,4.0,100",
            "9,20,3.5,101",
            "5,30,2.0,102",
            "2,30,5.0,103",
            "9,30,1.0,104",
            "2,20,4.5,105",
            "5,20,3.0,106",
            "1,10,0.5,107",
            "9,10,2.5,108",
            "2,40,3.0,109") + "\r\n");
        var destination = _temp.Combine("sample.csv");

        MovieLensSample.Write(source, destination, CancellationToken.None, userCount: 2, itemCount: 2);

        Assert.Equal(Header + "\n5,10,4.0,100\n2,20,4.5,105\n5,20,3.0,106\n", File.ReadAllText(destination));
        Assert.Equal(["ratings.csv", "sample.csv"], Directory.GetFiles(_temp.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task Derived_from_latest_small_in_the_data_directory_with_100_users_and_100_movies()
    {
        var rows = SyntheticRatings();
        WriteLatestSmall(Header + "\r\n" + string.Concat(rows.Select(r => r + "\r\n")));

        var files = await Offline().ResolveAsync("ml-sample");

        Assert.Equal(DatasetSource.Derived, files.Source);
        Assert.Equal(_temp.Combine("cache", "movie_lens_sample", "ratings.csv"), files.RatingsPath);
        Assert.Equal(_temp.Combine("data", "ml-latest-small", "movies.csv"), files.ItemsPath);
        Assert.Equal(ExpectedSample(rows), await File.ReadAllTextAsync(files.RatingsPath));
        Assert.Equal(["ratings.csv"], Directory.GetFiles(_temp.Combine("cache", "movie_lens_sample")).Select(Path.GetFileName));

        var again = await Offline().ResolveAsync("ml-sample");
        Assert.Equal(DatasetSource.Cache, again.Source);
    }

    [Fact]
    public async Task Missing_sample_and_source_offline_names_both_and_the_source_zip()
    {
        Directory.CreateDirectory(DataDir);

        var ex = await Assert.ThrowsAsync<DatasetUnavailableException>(() => Offline().ResolveAsync("ml-sample"));

        var lesson = _temp.Combine("data", "movie_lens_sample", "ratings.csv");
        var source = _temp.Combine("data", "ml-latest-small", "ratings.csv");
        Assert.Equal(
            $"Dataset 'ml-sample' is not available offline: {lesson} (or {source} to derive it from) not found.{Environment.NewLine}"
            + $"Download https://files.grouplens.org/datasets/movielens/ml-latest-small.zip and unzip it into {DataDir} "
            + "(or set COLLAB_DATA to a folder that holds movie_lens_sample/ or ml-latest-small/).",
            ex.Message);
        Assert.Equal("ml-sample", ex.DatasetName);
        Assert.Empty(DatasetFixtures.Entries(CacheDir));
    }

    [Fact]
    public void Status_shows_a_sample_derived_earlier_as_present_in_the_cache()
    {
        _temp.Write(Path.Combine("cache", "movie_lens_sample", "ratings.csv"), Header + "\n1,1,4.0,1\n");

        var status = Offline().Describe().Single(s => s.Name == "ml-sample");

        Assert.True(status.IsPresent);
        Assert.Equal(DatasetSource.Cache, status.Files!.Source);
        Assert.Equal(DatasetCatalog.LatestSmall.ZipUrl, status.DownloadUrl);
    }

    private DatasetStore Offline() =>
        new(new DatasetStoreOptions { DataDirectory = DataDir, CacheDirectory = CacheDir, AllowDownload = false });

    private void WriteLatestSmall(string ratings)
    {
        _temp.Write(Path.Combine("data", "ml-latest-small", "ratings.csv"), ratings);
        _temp.Write(Path.Combine("data", "ml-latest-small", "movies.csv"), "movieId,title,genres\r\n1,Toy Story (1995),Animation\r\n");
    }

    /// <summary>
    /// 150 users and 160 movies with skewed, seeded activity so the cut at 100 matters; rows shuffled so the
    /// file order differs from any sort order.
    /// </summary>
    private static List<string> SyntheticRatings()
    {
        var random = new Random(20_240_601);
        var rows = new List<string>();
        for (var user = 1; user <= 150; user++)
        {
            var movies = Enumerable.Range(1, 160).OrderBy(_ => random.Next()).Take(1 + (user * 7 % 60)).ToList();
            rows.AddRange(movies.Select(movie => string.Create(CultureInfo.InvariantCulture,
                $"{user},{movie},{(random.Next(1, 11) / 2.0):0.0},{1_000_000_000 + rows.Count}")));
        }
        return [.. rows.OrderBy(_ => random.Next())];
    }

    /// <summary>The rule, written independently of the library with LINQ over the parsed rows.</summary>
    private static string ExpectedSample(List<string> rows)
    {
        var parsed = rows.Select(r => (Row: r, Fields: r.Split(',').Select(int.Parse).Take(2).ToArray())).ToList();
        HashSet<int> Top(int field) => [.. parsed.GroupBy(p => p.Fields[field])
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Take(100).Select(g => g.Key)];
        var users = Top(0);
        var movies = Top(1);
        var sample = new StringBuilder(Header + "\n");
        foreach (var (row, fields) in parsed.Where(p => users.Contains(p.Fields[0]) && movies.Contains(p.Fields[1])))
            sample.Append(row).Append('\n');
        return sample.ToString();
    }
}
