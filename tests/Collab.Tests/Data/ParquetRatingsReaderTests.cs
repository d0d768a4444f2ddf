using Collab.Data;
using Collab.Tests.Support;

namespace Collab.Tests.Data;

public sealed class ParquetRatingsReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_parquet_file_reads_to_the_same_table_as_a_csv_with_the_same_rows()
    {
        var csv = _temp.File("ratings.csv", "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3,1260759179\n7,31,4.5,1\n12,5,0.5,9\n");
        var parquet = ParquetFile.Write(_temp.Combine("ratings.parquet"), groupRows: 3,
            ("userId", new[] { 1, 1, 7, 12 }), ("movieId", new long[] { 31, 1029, 31, 5 }),
            ("rating", new[] { 2.5, 3, 4.5, 0.5 }), ("timestamp", new long[] { 1260759144, 1260759179, 1, 9 }));
        Tables.AssertSame(RatingsTable.FromFile(csv), RatingsTable.FromFile(parquet));
    }

    [Fact]
    public void Parquet_is_known_by_its_magic_bytes_not_its_name()
    {
        var path = ParquetFile.Write(_temp.Combine("ratings.csv"), ("user", new[] { "ann", " bob " }), ("item", new[] { "x", "y" }), ("stars", new[] { 4f, 2f }));
        Assert.True(FileSniffer.IsParquet(path));
        var table = RatingsTable.FromFile(path);
        // Text ids are trimmed as the CSV reader trims fields.
        Assert.Equal(["ann", "bob"], table.UserIds.Ids);
        Assert.Equal([4f, 2f], table.Ratings.ToArray());
        Assert.False(table.HasTimestamps);
    }

    [Fact]
    public void Columns_are_chosen_by_name_or_position_as_in_a_csv()
    {
        var path = ParquetFile.Write(_temp.Combine("r.parquet"), ("ts", new long[] { 5, 6 }), ("rating", new[] { 3, 4 }),
            ("item", new long[] { 10, 11 }), ("user", new long[] { 1, 2 }));
        var table = RatingsTable.FromFile(path, new RatingsFileOptions { UserColumn = "user", ItemColumn = "3", RatingColumn = "rating", TimestampColumn = "ts" });
        Assert.Equal(["1", "2"], table.UserIds.Ids);
        Assert.Equal(["10", "11"], table.ItemIds.Ids);
        Assert.Equal([3f, 4f], table.Ratings.ToArray());
        Assert.Equal([5L, 6L], table.Timestamps.ToArray());
    }

    [Fact]
    public void A_file_without_ratings_reads_each_row_as_an_interaction_and_a_third_column_as_its_time()
    {
        var path = ParquetFile.Write(_temp.Combine("bought.parquet"), ("customer", new[] { "c1", "c2" }), ("product", new[] { "p1", "p1" }), ("at", new long?[] { 7, null }));
        var table = RatingsTable.FromFile(path, new RatingsFileOptions { HasRatingColumn = false });
        Assert.Equal([1f, 1f], table.Ratings.ToArray());
        // A null timestamp reads as 0, as an empty CSV field does.
        Assert.Equal([7L, 0L], table.Timestamps.ToArray());
        Assert.Equal(["customer", "product", "at"], FileSniffer.ParquetColumns(path));
    }

    [Fact]
    public void A_parquet_training_file_and_a_csv_validation_file_share_one_table()
    {
        var train = ParquetFile.Write(_temp.Combine("train.parquet"), ("u", new[] { 1, 2 }), ("i", new[] { 5, 6 }), ("r", new[] { 3.0, 4.0 }));
        var valid = _temp.File("valid.csv", "1,6,2\n3,5,1\n");
        var (table, split) = RatingsReader.ReadTrainValid(train, valid, RatingsFileOptions.Default);
        Assert.Equal(["1", "2", "3"], table.UserIds.Ids);
        Assert.Equal([0, 1], split.Train);
        Assert.Equal([2, 3], split.Valid);
    }

    [Fact]
    public void A_null_id_names_the_file_row_group_row_and_column()
    {
        var path = ParquetFile.Write(_temp.Combine("r.parquet"), groupRows: 2,
            ("userId", new int?[] { 1, 2, 3, null }), ("movieId", new[] { 1, 2, 3, 4 }), ("rating", new[] { 1.0, 2, 3, 4 }));
        var e = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(path));
        Assert.Equal($"{path}, row group 2, row 2, column 'userId': the user id is null. Every rating needs a user: fill the id or drop the row.", e.Message);
        Assert.Equal((2, 2L, "userId"), (e.RowGroup, e.Row, e.Field));
    }

    [Theory]
    [InlineData(double.NaN, "the rating NaN is not a finite number (NaN)")]
    [InlineData(double.PositiveInfinity, "the rating Infinity is not a finite number (infinite)")]
    [InlineData(1e40, "the rating 1E+40 is not a finite number: it is beyond the range of a float")]
    [InlineData(2e9, "the rating 2000000000 is an absurd magnitude")]
    public void A_rating_that_is_not_an_ordinary_number_is_refused_at_its_row(double rating, string expected)
    {
        var path = ParquetFile.Write(_temp.Combine("r.parquet"), ("u", new[] { 1, 2 }), ("i", new[] { 1, 2 }), ("r", new[] { 3.0, rating }));
        var e = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(path));
        Assert.StartsWith($"{path}, row group 1, row 2, column 'r': {expected}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_column_lists_the_columns_there_are()
    {
        var path = ParquetFile.Write(_temp.Combine("r.parquet"), ("u", new[] { 1 }), ("i", new[] { 1 }), ("r", new[] { 3.0 }));
        var e = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(path, new RatingsFileOptions { RatingColumn = "stars" }));
        Assert.Equal($"{path}, field 'stars': there is no rating column named 'stars' (columns are: u, i, r). Name an existing column or give its position.", e.Message);
        var two = ParquetFile.Write(_temp.Combine("two.parquet"), ("u", new[] { 1 }), ("i", new[] { 1 }));
        Assert.Contains("the rating column would be column 3, but the file has 2 (u, i)", Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(two)).Message);
    }

    [Fact]
    public void Columns_of_the_wrong_type_say_what_they_hold()
    {
        var path = ParquetFile.Write(_temp.Combine("r.parquet"), ("u", new[] { 1.5 }), ("i", new[] { 1 }), ("r", new[] { "good" }));
        var e = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(path));
        Assert.Contains("field 'u': the user column holds Double values; ids must be integers or text.", e.Message);
        var text = ParquetFile.Write(_temp.Combine("t.parquet"), ("u", new[] { 1 }), ("i", new[] { 1 }), ("r", new[] { "good" }));
        Assert.Contains("field 'r': the rating column holds text; ratings must be numbers.", Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(text)).Message);
    }

    [Fact]
    public void A_damaged_or_empty_file_is_one_clear_error()
    {
        var good = ParquetFile.Write(_temp.Combine("good.parquet"), ("u", new[] { 1, 2 }), ("i", new[] { 1, 2 }), ("r", new[] { 3.0, 4.0 }));
        var bytes = File.ReadAllBytes(good);
        var cut = _temp.Combine("cut.parquet");
        File.WriteAllBytes(cut, bytes[..^10]);
        var e = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(cut));
        Assert.StartsWith($"{cut}: the file starts as Parquet does but cannot be read as Parquet (", e.Message, StringComparison.Ordinal);
        var empty = ParquetFile.Write(_temp.Combine("empty.parquet"), ("u", Array.Empty<int>()), ("i", Array.Empty<int>()), ("r", Array.Empty<double>()));
        Assert.Contains("the file has no ratings", Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(empty)).Message);
    }
}
