namespace Collab.Tests.Data;

public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("3\n4", "'3\\n4'")]
    [InlineData("a\r\tb", "'a\\r\\tb'")]
    [InlineData("\u001b]0;title\u0007\u001b[31mred", "'\\x1B]0;title\\x07\\x1B[31mred'")]
    [InlineData("\u009b31m", "'\\x9B31m'")]
    [InlineData("abc\u202Edef", "'abc\\u202Edef'")]
    [InlineData("line\u2028break", "'line\\u2028break'")]
    [InlineData("Amélie 🎬", "'Amélie 🎬'")]
    public void Quote_escapes_what_could_break_a_line_or_drive_a_terminal(string text, string expected) =>
        Assert.Equal(expected, DisplayText.Quote(text));

    [Fact]
    public void A_lone_surrogate_is_escaped_and_a_pair_kept()
    {
        Assert.Equal("'\\uD800x'", DisplayText.Quote(new string(['\ud800', 'x'])));
        Assert.Equal("'x\\uDC00'", DisplayText.Quote(new string(['x', '\udc00'])));
    }

    [Fact]
    public void Quote_cuts_long_text_without_splitting_a_surrogate_pair()
    {
        Assert.Equal("'" + new string('x', 40) + "...'", DisplayText.Quote(new string('x', 100)));
        var quoted = DisplayText.Quote(new string('x', 39) + "🎬🎬");
        Assert.Equal("'" + new string('x', 39) + "...'", quoted);
    }

    [Fact]
    public void Safe_text_comes_back_unchanged()
    {
        Assert.Equal(@"C:\data\ratings.csv", DisplayText.Escape(@"C:\data\ratings.csv"));
        Assert.True(DisplayText.IsSafe("userId,movieId"));
        Assert.False(DisplayText.IsSafe("a\u001bb"));
    }
}
