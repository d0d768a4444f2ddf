using Collab.Data;

namespace Collab.Tests.Data;

public sealed class IdCollectorTests
{
    [Fact]
    public void Numbers_and_texts_share_one_numbering_in_order_of_first_appearance()
    {
        var ids = new IdCollector();
        Assert.Equal(0, ids.AddNumber(42));
        Assert.Equal(1, ids.AddText("007"));
        Assert.Equal(2, ids.AddNumber(7));
        Assert.Equal(0, ids.AddNumber(42));
        Assert.Equal(1, ids.AddText("007"));
        Assert.Equal(3, ids.AddNumber(123_456_789_012_345));
        Assert.Equal(["42", "007", "7", "123456789012345"], ids.ToIdIndex().Ids);
    }

    [Fact]
    public void A_number_first_kept_aside_as_sparse_keeps_its_index_when_the_dense_array_grows_over_it()
    {
        var ids = new IdCollector();
        Assert.Equal(0, ids.AddNumber(5_000_000));
        for (int n = 1; n <= 2_000_000; n++)
            Assert.Equal(n, ids.AddNumber(n));
        Assert.Equal(2_000_001, ids.AddNumber(5_000_001));
        Assert.Equal(0, ids.AddNumber(5_000_000));
        Assert.Equal(2_000_002, ids.Count);
    }

    [Fact]
    public void Another_collector_merges_in_with_the_same_ids_and_a_cleared_one_starts_over()
    {
        var block = new IdCollector();
        block.AddNumber(9);
        block.AddText("x");
        block.AddNumber(1);
        var merged = new IdCollector();
        merged.AddNumber(1);
        Assert.Equal([1, 2, 0], Enumerable.Range(0, block.Count).Select(i => merged.AddFrom(block, i)));
        Assert.Equal(["1", "9", "x"], merged.ToIdIndex().Ids);

        block.Clear();
        Assert.Equal(0, block.Count);
        Assert.Equal(0, block.AddNumber(1));
        Assert.Equal(1, block.AddText("x"));
        Assert.Equal(2, block.AddNumber(9));
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("7", true)]
    [InlineData("123456789012345678", true)]
    [InlineData("1234567890123456789", false)]
    [InlineData("007", false)]
    [InlineData("00", false)]
    [InlineData("-1", false)]
    [InlineData("+1", false)]
    [InlineData("1e3", false)]
    [InlineData("", false)]
    public void Only_canonical_integers_are_numbers(string text, bool canonical)
    {
        Assert.Equal(canonical, IdCollector.TryParseCanonical(System.Text.Encoding.UTF8.GetBytes(text), out long fromBytes));
        Assert.Equal(canonical, IdCollector.TryParseCanonical(text.AsSpan(), out long fromChars));
        if (canonical)
        {
            Assert.Equal(long.Parse(text, System.Globalization.CultureInfo.InvariantCulture), fromBytes);
            Assert.Equal(fromBytes, fromChars);
        }
    }
}
