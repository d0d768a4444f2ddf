using Collab.Data;
using Collab.Training.Bayesian;

namespace Collab.Tests.Training.Bayesian;

public sealed class FmFeaturesTests
{
    // Users a, b, c and items x, y, z (index 0 is #na# on both sides); a rated x and y twice over, b rated y, c rated y and z.
    private static readonly EncodedRatings Train = new([1, 1, 1, 2, 3, 3], [1, 2, 2, 2, 2, 3], [4, 3, 3.5f, 5, 2, 1]);
    private static readonly Vocabulary Users = Vocabulary.FromIds(["a", "b", "c"]);
    private static readonly Vocabulary Items = Vocabulary.FromIds(["x", "y", "z"]);

    private static (int Column, float Value)[] Row(FeatureBlock block, int row) =>
        [.. Enumerable.Range(block.RowStart[row], block.RowStart[row + 1] - block.RowStart[row]).Select(at => (block.Columns[at], block.Values[at]))];

    [Fact]
    public void Ids_are_one_hot_and_the_sets_hold_distinct_members_at_one_over_root_count()
    {
        var blocks = FmFeatures.Build(Train, Users, Items, new BayesOptions());
        Assert.Equal(["user", "rated items", "item", "raters"], blocks.Select(b => b.Name));
        var (user, rated, item, raters) = (blocks[0], blocks[1], blocks[2], blocks[3]);
        Assert.Equal(FeatureSide.User, user.Side);
        Assert.Equal(FeatureSide.Item, item.Side);
        for (int r = 0; r < 4; r++)
        {
            Assert.Equal([(r, 1f)], Row(user, r));
            Assert.Equal([(r, 1f)], Row(item, r));
        }
        Assert.Equal(FeatureSide.User, rated.Side);
        Assert.Equal(4, rated.Width);
        Assert.Empty(Row(rated, 0));
        float half = 1 / MathF.Sqrt(2);
        Assert.Equal([(1, half), (2, half)], Row(rated, 1));   // a: x, and y rated twice counts once
        Assert.Equal([(2, 1f)], Row(rated, 2));
        Assert.Equal([(2, half), (3, half)], Row(rated, 3));
        Assert.Equal(FeatureSide.Item, raters.Side);
        Assert.Equal([(1, 1f)], Row(raters, 1));
        float third = 1 / MathF.Sqrt(3);
        Assert.Equal([(1, third), (2, third), (3, third)], Row(raters, 2));
        Assert.Equal([(3, 1f)], Row(raters, 3));
        Assert.True(user.RowsHaveOneEntryAtMost);
        Assert.False(rated.RowsHaveOneEntryAtMost);
    }

    [Fact]
    public void Attributes_keep_their_nonzero_values_by_raw_id_and_the_columns_mirror_the_rows()
    {
        var genres = new AttributeTable("movies", ["drama", "comedy", "1990s"], new Dictionary<string, float[]>
        {
            ["x"] = [1, 0, 1],
            ["z"] = [0, 0.5f, 0],
            ["unrated"] = [1, 1, 1],
        });
        var blocks = FmFeatures.Build(Train, Users, Items, new BayesOptions { ImplicitSets = false, ItemAttributes = genres });
        var attributes = Assert.Single(blocks, b => b.Name == "item attributes");
        Assert.Equal(3, attributes.Width);
        Assert.Empty(Row(attributes, 0));
        Assert.Equal([(0, 1f), (2, 1f)], Row(attributes, 1));
        Assert.Empty(Row(attributes, 2));
        Assert.Equal([(1, 0.5f)], Row(attributes, 3));
        // Column 0 (drama) is held by item x only, column 2 (1990s) likewise, column 1 by z.
        Assert.Equal([1], attributes.ColumnRows[attributes.ColumnStart[0]..attributes.ColumnStart[1]]);
        Assert.Equal([3], attributes.ColumnRows[attributes.ColumnStart[1]..attributes.ColumnStart[2]]);
        Assert.Equal([0.5f], attributes.ColumnValues[attributes.ColumnStart[1]..attributes.ColumnStart[2]]);
        Assert.Equal([1], attributes.ColumnRows[attributes.ColumnStart[2]..attributes.ColumnStart[3]]);
    }
}
