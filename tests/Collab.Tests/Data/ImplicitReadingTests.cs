using Collab.Data;
using Collab.Tests.Support;

namespace Collab.Tests.Data;

/// <summary>Files without a rating column ("who bought what") and binarised ratings.</summary>
public sealed class ImplicitReadingTests
{
    [Fact]
    public void A_file_without_ratings_reads_every_line_as_an_interaction_with_rating_1()
    {
        using var folder = new TempFolder();
        var path = folder.File("bought.csv", "user,item,timestamp\nann,book,30\nann,pen,10\nbob,book,20\n");
        var table = RatingsTable.FromFile(path, new RatingsFileOptions { HasRatingColumn = false });
        Assert.Equal(3, table.Count);
        Assert.All(table.Ratings.ToArray(), r => Assert.Equal(1f, r));
        Assert.Equal(["ann", "bob"], table.UserIds.Ids);
        Assert.Equal([30L, 10, 20], table.Timestamps.ToArray());
    }

    [Fact]
    public void A_two_column_file_without_header_reads_without_ratings_and_still_fails_as_before_by_default()
    {
        using var folder = new TempFolder();
        var path = folder.File("pairs.tsv", "1\t10\n1\t11\n2\t10\n");
        var table = RatingsTable.FromFile(path, new RatingsFileOptions { HasRatingColumn = false });
        Assert.Equal(3, table.Count);
        Assert.False(table.HasTimestamps);
        var error = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(path));
        Assert.Contains("expected at least 3 fields separated by 'tab', found 2", error.Message);
    }

    [Fact]
    public void Naming_a_rating_column_for_a_file_without_ratings_is_refused()
    {
        using var folder = new TempFolder();
        var path = folder.File("bought.csv", "user,item\nann,book\n");
        var error = Assert.Throws<RatingsFormatException>(() => RatingsTable.FromFile(path, new RatingsFileOptions { HasRatingColumn = false, RatingColumn = "3" }));
        Assert.Contains("without ratings", error.Message);
    }

    [Fact]
    public void Binarising_keeps_rows_at_or_above_the_threshold_with_their_timestamps()
    {
        using var folder = new TempFolder();
        var path = folder.File("r.csv", "u,i,r,t\na,x,4,1\na,y,3.5,2\nb,x,5,3\n");
        var table = ImplicitFeedback.Binarize(RatingsTable.FromFile(path), 4);
        Assert.Equal(2, table.Count);
        Assert.Equal([1f, 1f], table.Ratings.ToArray());
        Assert.Equal([1L, 3], table.Timestamps.ToArray());
        Assert.Equal("x", table.ItemIds[table.Items[1]]);
    }
}
