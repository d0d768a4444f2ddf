using Collab.Data.Datasets;

namespace Collab.Tests.Data.Datasets;

public sealed class ChecksumsTests
{
    private const string Hash = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("MD5 (ml-latest-small.zip) = 0123456789abcdef0123456789abcdef")]
    [InlineData("MD5 (ml-latest-small.zip) = 0123456789ABCDEF0123456789ABCDEF\r\n")]
    [InlineData("0123456789abcdef0123456789abcdef  ml-latest-small.zip\n")]
    [InlineData("0123456789abcdef0123456789abcdef *ml-latest-small.zip")]
    [InlineData("\n  0123456789abcdef0123456789abcdef\n")]
    public void ParseMd5_reads_the_bsd_and_gnu_forms(string content) =>
        Assert.Equal(Hash, Checksums.ParseMd5(content));

    [Theory]
    [InlineData("")]
    [InlineData("<html><body>Not Found</body></html>")]
    [InlineData("MD5 (x.zip) = 0123")]
    [InlineData("0123456789abcdef0123456789abcdeg  x.zip")]
    public void ParseMd5_returns_null_for_anything_else(string content) =>
        Assert.Null(Checksums.ParseMd5(content));
}
