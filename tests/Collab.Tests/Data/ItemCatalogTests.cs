using System.Text;
using Collab.Data;
using Collab.Tests.Support;

namespace Collab.Tests.Data;

public sealed class ItemCatalogTests
{
    [Fact]
    public void Reads_movies_csv_with_quoted_titles_and_piped_genres()
    {
        using var folder = new TempFolder();
        var path = folder.File("movies.csv",
            "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n11,\"American President, The (1995)\",Comedy|Drama|Romance\n5,Nothing (2000),(no genres listed)\n");
        var catalog = ItemCatalog.Read(path);
        Assert.Equal(3, catalog.Count);
        Assert.True(catalog.TryGet("11", out var info));
        Assert.Equal("American President, The (1995)", info.Title);
        Assert.Equal(["Comedy", "Drama", "Romance"], info.Genres);
        Assert.True(catalog.TryGet("5", out var none));
        Assert.Empty(none.Genres);
        Assert.Null(catalog.TitleOf("404"));
    }

    [Fact]
    public void Reads_ml_100k_u_item_in_latin_1_with_genre_flags()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("u.item");
        File.WriteAllText(path,
            "1|Toy Story (1995)|01-Jan-1995||http://us.imdb.com/M/title-exact?Toy%20Story%20(1995)|0|0|0|1|1|1|0|0|0|0|0|0|0|0|0|0|0|0|0\n" +
            "12|Étoile, L' (1989)|01-Jan-1989||http://x|0|0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0\n", Encoding.Latin1);
        var catalog = ItemCatalog.Read(path);
        Assert.True(catalog.TryGet("1", out var toy));
        Assert.Equal(["Animation", "Children's", "Comedy"], toy.Genres);
        Assert.Equal("Étoile, L' (1989)", catalog.TitleOf("12"));
    }

    [Fact]
    public void Reads_ml_1m_movies_dat_in_latin_1()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("movies.dat");
        File.WriteAllText(path, "1::Toy Story (1995)::Animation|Children's|Comedy\n2::Café au lait (1993)::Comedy\n", Encoding.Latin1);
        var catalog = ItemCatalog.Read(path);
        Assert.Equal("Café au lait (1993)", catalog.TitleOf("2"));
        Assert.True(catalog.TryGet("1", out var toy));
        Assert.Equal(3, toy.Genres.Count);
    }

    [Fact]
    public void A_short_line_is_reported_with_its_line_number()
    {
        using var folder = new TempFolder();
        var path = folder.File("movies.dat", "1::Toy Story (1995)::Comedy\n2::Broken\n");
        var error = Assert.Throws<RatingsFormatException>(() => ItemCatalog.Read(path));
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Reads_the_shared_ml_latest_small_movies_file()
    {
        // SharedData.Path fails with a clear message when the shared folder is missing: CI always has it.
        var catalog = ItemCatalog.Read(SharedData.Path("data", "ml-latest-small", "movies.csv"));
        Assert.Equal(9742, catalog.Count);
        Assert.Equal("Shawshank Redemption, The (1994)", catalog.TitleOf("318"));
    }
}
