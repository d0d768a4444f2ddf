using Collab.Data;

namespace Collab.Tests.Data;

public sealed class SplitAndVocabularyTests
{
    [Theory]
    [InlineData(1000, 0.2, 1UL)]
    [InlineData(7, 0.5, 9UL)]
    [InlineData(100, 0.0, 2UL)]
    public void Random_split_partitions_the_rows_with_floor_of_the_share_held_out(int rows, double pct, ulong seed)
    {
        var split = DataSplit.Random(rows, pct, seed);
        Assert.Equal((int)Math.Floor(pct * rows), split.Valid.Length);
        Assert.Equal(Enumerable.Range(0, rows), split.Train.Concat(split.Valid).Order());
    }

    [Fact]
    public void The_same_seed_gives_the_same_split_and_another_seed_another()
    {
        Assert.Equal(DataSplit.Random(500, 0.2, 4).Valid, DataSplit.Random(500, 0.2, 4).Valid);
        Assert.NotEqual(DataSplit.Random(500, 0.2, 4).Valid, DataSplit.Random(500, 0.2, 5).Valid);
    }

    [Fact]
    public void Integer_ids_sort_numerically_after_na()
    {
        var vocab = Vocabulary.FromIds(["10", "9", "100", "9"]);
        Assert.Equal(["#na#", "9", "10", "100"], vocab.Ids);
        Assert.Equal(2, vocab.Encode("10"));
        Assert.Equal(0, vocab.Encode("11"));
        Assert.False(vocab.TryGetIndex("11", out _));
    }

    [Fact]
    public void String_ids_sort_ordinally_as_pandas_does()
    {
        Assert.Equal(["#na#", "u1", "u10", "u2"], Vocabulary.FromIds(["u2", "u10", "u1"]).Ids);
    }

    [Fact]
    public void Training_scope_leaves_validation_only_ids_unknown_and_counts_them()
    {
        var table = RatingsTable.FromTriples([("1", "a", 3), ("2", "b", 4), ("3", "a", 5), ("1", "c", 2)]);
        var data = CollabData.FromTable(table, new DataSplit([0, 1], [2, 3]));
        Assert.Equal(["#na#", "1", "2"], data.Users.Ids);
        Assert.Equal([0, 1], data.Valid.Users.ToArray());
        Assert.Equal(1, data.ValidRowsWithUnknownUser);
        Assert.Equal(1, data.ValidRowsWithUnknownItem);
    }
}
