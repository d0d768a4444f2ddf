using Collab.Data;
using Collab.Tests.Support;

namespace Collab.Tests.Data;

/// <summary>Issue 17: space-separated files, ratings off any scale, and messages that echo file text.</summary>
public sealed class RatingsReaderSafetyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("1 10 4.5\n1 20 3\n2 10 5\n")]
    [InlineData("user item rating\n1 10 4.5\n1 20 3\n2 10 5\n")]
    [InlineData("1 10 4.5\r\n1 20 3\r\n\"2\" 10 5\r\n")] // the quote sends it down the Sep path
    public void Reads_libmfs_space_separated_layout(string text)
    {
        var table = RatingsTable.FromFile(_temp.File("ratings.txt", text));
        Assert.Equal(3, table.Count);
        Assert.Equal(["1", "2"], table.UserIds.Ids);
        Assert.Equal(["10", "20"], table.ItemIds.Ids);
        Assert.Equal([4.5f, 3f, 5f], table.Ratings.ToArray());
    }

    [Fact]
    public void A_space_can_be_named_as_the_delimiter()
    {
        var table = RatingsTable.FromFile(_temp.File("ratings.txt", "1 10 4\n2 20 3\n"), new RatingsFileOptions { Delimiter = "space" });
        Assert.Equal(2, table.Count);
    }

    [Theory]
    [InlineData("1e38", "absurd magnitude")]
    [InlineData("-1e38", "absurd magnitude")]
    [InlineData("99999999999999999999999999999", "absurd magnitude")]
    [InlineData("1e39", "beyond the range of a float")]
    [InlineData("-1e39", "beyond the range of a float")]
    [InlineData("Infinity", "not a finite number (infinite)")]
    [InlineData("NaN", "not a finite number (NaN)")]
    public void Ratings_no_scale_has_are_refused_naming_line_and_field(string rating, string problem)
    {
        foreach (var text in new[] { $"u,i,r\n1,2,4\n1,3,{rating}\n", $"u,i,r\n\"1\",2,4\n1,3,{rating}\n" })
        {
            var e = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(_temp.File("ratings.csv", text)));
            Assert.Equal(3, e.Line);
            Assert.Equal("r", e.Field);
            Assert.Contains(problem, e.Message);
        }
    }

    [Fact]
    public void Large_but_plausible_ratings_and_negative_ones_are_read()
    {
        var table = RatingsTable.FromFile(_temp.File("ratings.csv", "u,i,r\n1,2,-3\n1,3,250000\n"));
        Assert.Equal([-3f, 250000f], table.Ratings.ToArray());
    }

    [Theory]
    [InlineData("u,i,r\n1,2,\"3\n4\"\n", "'3\\n4'")]
    [InlineData("u,i,r\n1,2,\u001b]0;pwned\u0007\u001b[2J\n", "'\\x1B]0;pwned\\x07\\x1B[2J'")]
    [InlineData("u,i,r\n1,2,3,\u001b[31m\n", null)]
    [InlineData("u,i,r\u001b[2J\n1,2,3\n", "u, i, r\\x1B[2J")]
    public void Messages_quote_file_text_on_one_line_without_control_characters(string text, string? echoed)
    {
        var options = text.Contains("r\u001b", StringComparison.Ordinal) ? new RatingsFileOptions { RatingColumn = "r" } : RatingsFileOptions.Default;
        var path = _temp.File("ratings.csv", text);
        try
        {
            RatingsTable.FromFile(path, options);
            Assert.Null(echoed);
        }
        catch (RatingsFormatException e)
        {
            Assert.DoesNotContain(e.Message, c => char.IsControl(c));
            if (echoed is not null)
                Assert.Contains(echoed, e.Message);
        }
    }

    [Fact]
    public void A_header_name_with_an_escape_sequence_is_escaped_in_the_field_too()
    {
        var e = new RatingsFormatException("a\nb.csv", 3, "col\u001b[0m", "the rating '\u0007' is bad.");
        Assert.Equal("a\\nb.csv, line 3, field 'col\\x1B[0m': the rating '\\x07' is bad.", e.Message);
    }

    [Fact]
    public void FindLine_skips_the_header_and_blank_lines_as_the_reader_does()
    {
        var path = _temp.File("ratings.csv", "u,i,r\n1,2,3\n\n1,3,\"4\"\n2,2,5\n");
        var options = RatingsFileOptions.Default;
        Assert.Equal(2, RatingsReader.FindLine(path, options, 0));
        Assert.Equal(4, RatingsReader.FindLine(path, options, 1));
        Assert.Equal(5, RatingsReader.FindLine(path, options, 2));
        Assert.Null(RatingsReader.FindLine(path, options, 3));
    }
}
