using Collab.Data.Datasets;

namespace Collab.Tests.Data.Datasets;

public sealed class DatasetStoreOptionsTests
{
    [Fact]
    public void FromEnvironment_reads_COLLAB_DATA_and_XDG_CACHE_HOME()
    {
        var options = DatasetStoreOptions.FromEnvironment(Variables(("COLLAB_DATA", "/data/movielens"), ("XDG_CACHE_HOME", "/xdg"), ("HOME", "/home/u")));

        Assert.Equal("/data/movielens", options.DataDirectory);
        Assert.Equal(Path.Combine("/xdg", "collab"), options.CacheDirectory);
        Assert.True(options.AllowDownload);
        Assert.Null(options.BaseUrl);
    }

    [Fact]
    public void Cache_falls_back_to_home_when_XDG_CACHE_HOME_is_unset_or_relative()
    {
        var expected = Path.Combine("/home/u", ".cache", "collab");

        Assert.Equal(expected, DatasetStoreOptions.FromEnvironment(Variables(("HOME", "/home/u"))).CacheDirectory);
        Assert.Equal(expected, DatasetStoreOptions.FromEnvironment(Variables(("HOME", "/home/u"), ("XDG_CACHE_HOME", "rel/cache"))).CacheDirectory);
    }

    [Fact]
    public void Blank_COLLAB_DATA_means_no_data_directory()
    {
        var options = DatasetStoreOptions.FromEnvironment(Variables(("COLLAB_DATA", "  "), ("HOME", "/home/u")));

        Assert.Null(options.DataDirectory);
    }

    [Fact]
    public void Relative_COLLAB_DATA_is_made_absolute_against_the_working_directory()
    {
        var options = DatasetStoreOptions.FromEnvironment(Variables(("COLLAB_DATA", "data"), ("HOME", "/home/u")));

        Assert.Equal(Path.GetFullPath("data"), options.DataDirectory);
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;
}
