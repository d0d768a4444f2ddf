using Collab.Data;
using Collab.Tests.Support;

namespace Collab.Tests.Data;

public sealed class RatingsReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Reads_a_movielens_csv_with_header_and_crlf_line_ends()
    {
        var path = _temp.File("ratings.csv", "userId,movieId,rating,timestamp\r\n1,31,2.5,1260759144\r\n1,1029,3.0,1260759179\r\n7,31,4.5,1\r\n");
        var table = RatingsTable.FromFile(path);
        Assert.Equal(3, table.Count);
        Assert.Equal(["1", "7"], table.UserIds.Ids);
        Assert.Equal(["31", "1029"], table.ItemIds.Ids);
        Assert.Equal([2.5f, 3f, 4.5f], table.Ratings.ToArray());
        Assert.True(table.HasTimestamps);
        Assert.Equal(1260759179L, table.Timestamps[1]);
    }

    [Fact]
    public void Training_reads_leave_the_timestamps_out_on_both_paths()
    {
        // The quoted field sends the second file down the Sep path; the bad timestamp is not read, so not an error.
        foreach (var text in new[] { "userId,movieId,rating,timestamp\n1,31,2.5,12\n7,31,4.5,x\n", "userId,movieId,rating,timestamp\n\"1\",31,2.5,12\n7,31,4.5,x\n" })
        {
            var table = RatingsTable.FromFile(_temp.File("ratings.csv", text), new RatingsFileOptions { ReadTimestamps = false });
            Assert.Equal(2, table.Count);
            Assert.False(table.HasTimestamps);
            Assert.Equal([2.5f, 4.5f], table.Ratings.ToArray());
        }
    }

    [Fact]
    public void Detects_the_100k_layout_tabs_without_header()
    {
        var path = _temp.File("u.data", "196\t242\t3\t881250949\n186\t302\t3\t891717742\n");
        var table = RatingsTable.FromFile(path);
        Assert.Equal(2, table.Count);
        Assert.Equal("186", table.UserIds[table.Users[1]]);
        Assert.Equal(3f, table.Ratings[0]);
    }

    [Fact]
    public void Detects_the_1m_layout_with_double_colons()
    {
        var path = _temp.File("ratings.dat", "1::1193::5::978300760\n1::661::3::978302109\n");
        var table = RatingsTable.FromFile(path);
        Assert.Equal(["1193", "661"], table.ItemIds.Ids);
        Assert.Equal(978302109L, table.Timestamps[1]);
    }

    [Fact]
    public void Chooses_columns_by_name_and_keeps_ids_as_strings()
    {
        var path = _temp.File("r.csv", "stars;who;what\n4;alice;film-a\n2;bob;film-b\n");
        var table = RatingsTable.FromFile(path, new RatingsFileOptions { UserColumn = "who", ItemColumn = "what", RatingColumn = "stars" });
        Assert.Equal(["alice", "bob"], table.UserIds.Ids);
        Assert.Equal([4f, 2f], table.Ratings.ToArray());
        Assert.False(table.HasTimestamps);
    }

    [Fact]
    public void Reads_a_predefined_split_from_two_files()
    {
        var train = _temp.File("u1.base", "1\t1\t5\t1\n1\t2\t3\t2\n2\t1\t4\t3\n");
        var valid = _temp.File("u1.test", "2\t2\t1\t4\n");
        var (table, split) = RatingsReader.ReadTrainValid(train, valid, RatingsFileOptions.Default);
        Assert.Equal(4, table.Count);
        Assert.Equal([0, 1, 2], split.Train);
        Assert.Equal([3], split.Valid);
    }

    [Theory]
    [InlineData("u,i,r\n1,2,abc\n", 2, "r", "is not a number")]
    [InlineData("u,i,r\n1,2,4\n1,3,NaN\n", 3, "r", "not a finite number")]
    [InlineData("u,i,r\n1,2,4\n1,3,Infinity\n", 3, "r", "not a finite number")]
    [InlineData("u,i,r\n1,2\n", 2, null, "expected at least 3 fields")]
    [InlineData("u,i,r\n,2,4\n", 2, "u", "user id is empty")]
    [InlineData("u,i,r,t\n1,2,4,yesterday\n", 2, "t", "timestamp")]
    public void Bad_rows_name_file_line_and_field(string contents, int line, string? field, string problem)
    {
        var path = _temp.File("bad.csv", contents);
        var error = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(path));
        Assert.Equal(path, error.File);
        Assert.Equal(line, error.Line);
        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"{path}, line {line}", error.Message);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("user,item,rating\n", "header but no ratings")]
    [InlineData("user,item,rating,user\n1,2,3,4\n", "names the column 'user' 2 times")]
    [InlineData("just-one-word\n", "cannot tell how fields are separated")]
    public void Bad_files_get_one_clear_message(string contents, string problem)
    {
        var path = _temp.File("bad.csv", contents);
        var error = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(path));
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void A_missing_named_column_lists_the_columns_there_are()
    {
        var path = _temp.File("r.csv", "userId,movieId,rating\n1,2,3\n");
        var error = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(path, new RatingsFileOptions { RatingColumn = "stars" }));
        Assert.Contains("no rating column named 'stars'", error.Message);
        Assert.Contains("userId, movieId, rating", error.Message);
    }

    [Fact]
    public void A_binary_file_is_refused()
    {
        var path = _temp.Combine("model.bin");
        File.WriteAllBytes(path, [1, 2, 0, 4, 5, 0, 0, 9]);
        var error = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(path));
        Assert.Contains("not a text file", error.Message);
    }

    [Fact]
    public void A_line_of_100_megabytes_is_refused_with_its_line_number()
    {
        var path = _temp.Combine("huge.csv");
        using (var writer = new StreamWriter(path))
        {
            writer.Write("u,i,r\n1,2,3\n1,3,");
            writer.Write(new string('9', 100_000_000));
            writer.Write('\n');
        }
        var error = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(path));
        Assert.Contains("longer than 16 MB", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void A_missing_file_says_so()
    {
        var error = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(_temp.Combine("nope.csv")));
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void Reads_the_real_movielens_files()
    {
        var table = RatingsTable.FromFile(SharedData.Path("data", "ml-latest-small", "ratings.csv"));
        Assert.Equal(100_836, table.Count);
        Assert.Equal(610, table.UserIds.Count);
        Assert.Equal(9_724, table.ItemIds.Count);
        Assert.InRange(table.Ratings.ToArray().Min(), 0.5f, 0.5f);
        Assert.Equal(6_031, RatingsTable.FromFile(SharedData.Path("data", "movie_lens_sample", "ratings.csv")).Count);
    }
}
