using Collab.Data.Datasets;

namespace Collab.Tests.Data.Datasets;

public sealed class DatasetCatalogTests
{
    [Fact]
    public void All_lists_the_five_known_sets_smallest_first()
    {
        Assert.Equal(["ml-sample", "ml-latest-small", "ml-100k", "ml-1m", "ml-25m"], DatasetCatalog.Names);
        Assert.Equal(DatasetCatalog.Names, DatasetCatalog.All.Select(d => d.Name));
        Assert.Equal("ml-sample, ml-latest-small, ml-100k, ml-1m, ml-25m", DatasetCatalog.KnownNames());
    }

    [Theory]
    [InlineData("ml-sample", "movie_lens_sample", "ratings.csv", null, null)]
    [InlineData("ml-latest-small", "ml-latest-small", "ratings.csv", "movies.csv", null)]
    [InlineData("ml-100k", "ml-100k", "u.data", "u.item", "u.user")]
    [InlineData("ml-1m", "ml-1m", "ratings.dat", "movies.dat", "users.dat")]
    [InlineData("ml-25m", "ml-25m", "ratings.csv", "movies.csv", null)]
    public void Each_set_has_its_grouplens_layout(string name, string folder, string ratings, string? items, string? users)
    {
        var info = DatasetCatalog.Get(name);

        Assert.Equal(folder, info.FolderName);
        Assert.Equal(ratings, info.RatingsFile);
        Assert.Equal(items, info.ItemsFile);
        Assert.Equal(users, info.UsersFile);
        Assert.True(info.ApproximateRatingCount > 0);
        Assert.False(string.IsNullOrWhiteSpace(info.Description));
    }

    [Fact]
    public void Zips_come_from_grouplens_with_the_md5_beside_them()
    {
        Assert.Equal("https://files.grouplens.org/datasets/movielens/ml-100k.zip", DatasetCatalog.Ml100K.ZipUrl.AbsoluteUri);
        Assert.Equal("https://files.grouplens.org/datasets/movielens/ml-100k.zip.md5", DatasetCatalog.Ml100K.Md5Url.AbsoluteUri);
        // The sample is not published as such: it points at the zip it is derived from.
        Assert.Equal(DatasetCatalog.LatestSmall.ZipUrl, DatasetCatalog.Sample.ZipUrl);
        Assert.Equal("ml-latest-small", DatasetCatalog.Sample.DerivedFrom);
    }

    [Fact]
    public void Known_hashes_are_those_of_the_shared_files()
    {
        Assert.Equal("aa289ca83157595d0df6aea1be6a4ded676ddc4385472e8313a8ed9805352646", DatasetCatalog.LatestSmall.RatingsSha256);
        Assert.Equal("a557fd3b741915eaad99fd91e08a13102577976c627af3202236ab28ac555cd7", DatasetCatalog.Sample.RatingsSha256);
        Assert.Null(DatasetCatalog.Ml100K.RatingsSha256);
    }

    [Fact]
    public void TryGet_ignores_case_and_surrounding_blanks()
    {
        Assert.True(DatasetCatalog.TryGet(" ML-100K ", out var info));
        Assert.Same(DatasetCatalog.Ml100K, info);
        Assert.False(DatasetCatalog.TryGet("ml-10m", out var missing));
        Assert.Null(missing);
    }

    [Fact]
    public void Get_of_an_unknown_name_lists_the_known_names()
    {
        var ex = Assert.Throws<DatasetUnavailableException>(() => DatasetCatalog.Get("ml-10m"));

        Assert.Equal("Unknown dataset 'ml-10m'. Known datasets: ml-sample, ml-latest-small, ml-100k, ml-1m, ml-25m.", ex.Message);
        Assert.Equal("ml-10m", ex.DatasetName);
    }
}
