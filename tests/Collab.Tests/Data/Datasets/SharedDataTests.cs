using Collab.Data.Datasets;

namespace Collab.Tests.Data.Datasets;

/// <summary>The store against the real MovieLens copies in <c>&lt;repo&gt;/../shared/data</c>, offline.</summary>
public sealed class SharedDataTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [SharedDataFact]
    public async Task Latest_small_resolves_from_the_shared_folder_with_the_known_hash()
    {
        var files = await Offline(SharedData.Directory!).ResolveAsync("ml-latest-small");

        Assert.Equal(DatasetSource.DataDirectory, files.Source);
        Assert.Equal(Path.Combine(SharedData.Directory!, "ml-latest-small", "ratings.csv"), files.RatingsPath);
        Assert.NotNull(files.ItemsPath);
        Assert.Equal(DatasetCatalog.LatestSmall.RatingsSha256, await Checksums.Sha256OfFileAsync(files.RatingsPath, default));
    }

    [SharedDataFact]
    public async Task Sample_resolves_to_the_lessons_file_with_the_known_hash()
    {
        var files = await Offline(SharedData.Directory!).ResolveAsync("ml-sample");

        Assert.Equal(DatasetSource.DataDirectory, files.Source);
        Assert.Equal(Path.Combine(SharedData.Directory!, "movie_lens_sample", "ratings.csv"), files.RatingsPath);
        Assert.Equal(DatasetCatalog.Sample.RatingsSha256, await Checksums.Sha256OfFileAsync(files.RatingsPath, default));
    }

    [SharedDataFact]
    public async Task Sample_derived_from_the_2018_latest_small_matches_an_independent_derivation()
    {
        // A data folder with ml-latest-small only, so the sample must be derived (a copy: symlinks need rights on Windows).
        // The lesson's file was cut from the 2016 edition (6,031 rows); the 2018 edition yields 6,223 rows,
        // whose hash was computed separately with a Python script applying the same rule.
        var data = _temp.Combine("data");
        Directory.CreateDirectory(Path.Combine(data, "ml-latest-small"));
        File.Copy(
            Path.Combine(SharedData.Directory!, "ml-latest-small", "ratings.csv"),
            Path.Combine(data, "ml-latest-small", "ratings.csv"));

        var files = await Offline(data).ResolveAsync("ml-sample");

        Assert.Equal(DatasetSource.Derived, files.Source);
        Assert.Equal(6_224, File.ReadLines(files.RatingsPath).Count());
        Assert.Equal(SharedData.DerivedSampleSha256, await Checksums.Sha256OfFileAsync(files.RatingsPath, default));
    }

    private DatasetStore Offline(string dataDirectory) => new(new DatasetStoreOptions
    {
        DataDirectory = dataDirectory,
        CacheDirectory = _temp.Combine("cache"),
        AllowDownload = false,
    });
}
