using System.Text;
using Collab.ColdStart.Metadata;
using Collab.Tests.Support;

namespace Collab.Tests.ColdStart.Metadata;

public sealed class FeatureSourceTests
{
    [Fact]
    public void Reads_movies_csv_with_quoted_titles_years_and_genres()
    {
        using var folder = new TempFolder();
        var path = folder.File("movies.csv",
            "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n11,\"American President, The (1995)\",Comedy|Drama|Romance\n" +
            "99,Babylon 5,(no genres listed)\n");
        var source = FeatureSource.MovieLensItems(path);
        Assert.Equal(["title", "genres", "year"], source.Columns);
        Assert.Equal("American President, The (1995)", source.Value("11", "title"));
        Assert.Equal("Comedy|Drama|Romance", source.Value("11", "genres"));
        Assert.Equal("1995", source.Value("1", "year"));
        Assert.Null(source.Value("99", "year"));
        Assert.Null(source.Value("99", "genres"));
    }

    [Fact]
    public void Reads_u_item_and_movies_dat_in_latin1()
    {
        using var folder = new TempFolder();
        var flags = string.Join('|', Enumerable.Range(0, 19).Select(g => g is 1 or 8 ? "1" : "0"));
        File.WriteAllText(folder.Combine("u.item"), $"7|Cité des enfants perdus, La (1995)|01-Jan-1995||http://x|{flags}\n", Encoding.Latin1);
        File.WriteAllText(folder.Combine("movies.dat"), "3::Amélie (2001)::Comedy|Romance\n", Encoding.Latin1);
        var item = FeatureSource.MovieLensItems(folder.Combine("u.item"));
        Assert.Equal("Cité des enfants perdus, La (1995)", item.Value("7", "title"));
        Assert.Equal("Action|Drama", item.Value("7", "genres"));
        Assert.Equal("1995", item.Value("7", "year"));
        var dat = FeatureSource.MovieLensItems(folder.Combine("movies.dat"));
        Assert.Equal("Amélie (2001)", dat.Value("3", "title"));
        Assert.Equal("2001", dat.Value("3", "year"));
    }

    [Fact]
    public void Reads_u_user_and_users_dat_into_the_same_columns()
    {
        using var folder = new TempFolder();
        var user = FeatureSource.MovieLensUsers(folder.File("u.user", "1|24|M|technician|85711\n"));
        var dat = FeatureSource.MovieLensUsers(folder.File("users.dat", "1::F::1::10::48067\n"));
        Assert.Equal(["age", "gender", "occupation", "zip"], user.Columns);
        Assert.Equal(["24", "M", "technician", "85711"], user.Columns.Select(c => user.Value("1", c)));
        Assert.Equal(["1", "F", "10", "48067"], dat.Columns.Select(c => dat.Value("1", c)));
    }

    [Fact]
    public void Reads_any_delimited_file_by_its_header_and_says_what_is_missing()
    {
        using var folder = new TempFolder();
        var path = folder.File("people.tsv", "name\tcity\tscore\nann\tParis\t3\nbob\tOslo\t5\n");
        var source = FeatureSource.FromCsv(path, "name");
        Assert.Equal(2, source.Count);
        Assert.Equal("Oslo", source.Value("bob", "city"));
        var error = Assert.Throws<FormatException>(() => FeatureSource.FromCsv(path, "id"));
        Assert.Contains("no column 'id'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => source.Encode([new FeatureColumn("height")]));
    }

    [Fact]
    public void Encodes_tags_buckets_prefixes_categories_and_standardised_numbers()
    {
        using var folder = new TempFolder();
        var path = folder.File("f.csv", "id,genres,year,zip,sex\na,Comedy|Drama,1994,94110,M\nb,Drama,2003,10001,F\nc,Horror,1999,94305,F\n");
        var table = FeatureSource.FromCsv(path, "id").Encode(
            [FeatureColumn.Parse("genres"), FeatureColumn.Parse("year:bucket:10"), FeatureColumn.Parse("year:number"),
             FeatureColumn.Parse("zip:prefix:1"), FeatureColumn.Parse("sex:category")]);
        Assert.Equal(
            ["genres=Comedy", "genres=Drama", "genres=Horror", "year=1990", "year=2000", "year", "zip=1", "zip=9", "sex=F", "sex=M"],
            table.FeatureNames);
        var a = table.Row("a").ToArray();
        Assert.Equal([1f, 1f, 0f, 1f, 0f], a[..5]);
        Assert.Equal([0f, 1f, 0f, 1f], a[6..]);
        Assert.Equal(0.0, Enumerable.Range(0, 3).Select(i => (double)table.Row(((char)('a' + i)).ToString())[5]).Sum(), 5);
        var newcomer = table.Encode(new Dictionary<string, string> { ["genres"] = "Western|Drama", ["sex"] = "X" });
        Assert.Equal([0f, 1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f], newcomer);
    }

    [Theory]
    [InlineData("year:bucket:10", "year", FeatureKind.Bucket, 10)]
    [InlineData("zip:prefix", "zip", FeatureKind.Prefix, 1)]
    [InlineData("age", "age", FeatureKind.Auto, 0)]
    [InlineData("age:Number", "age", FeatureKind.Number, 0)]
    public void Parses_feature_columns(string text, string name, FeatureKind kind, double argument) =>
        Assert.Equal(new FeatureColumn(name, kind, argument), FeatureColumn.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("year:decade")]
    [InlineData("year:bucket:-3")]
    [InlineData("sex:category:2")]
    [InlineData("a:b:c:d")]
    public void Rejects_malformed_feature_columns(string text) =>
        Assert.Throws<FormatException>(() => FeatureColumn.Parse(text));
}
