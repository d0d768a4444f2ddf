using Collab.Cli.Plots;

namespace Collab.Cli.Tests.Plots;

public sealed class LabelPlacerTests
{
    [Fact]
    public void A_second_label_at_the_same_point_moves_to_the_next_line_instead_of_covering_the_first()
    {
        var placer = new LabelPlacer(0, 100, 0, 100, 1000, 1000);
        Assert.Equal(0f, placer.Place(50, 50, 20, growsRight: true));
        Assert.Equal((float)-LabelPlacer.LineHeight, placer.Place(50, 50, 20, growsRight: true));
        Assert.Equal((float)LabelPlacer.LineHeight, placer.Place(50, 50, 20, growsRight: true));
    }

    [Fact]
    public void A_crowded_cluster_gets_labels_that_never_overlap_and_the_rest_are_left_out()
    {
        var placer = new LabelPlacer(0, 1, 0, 1, 1100, 800);
        var random = new Random(4);
        int placed = 0;
        for (int i = 0; i < 60; i++)
        {
            if (placer.Place(0.5 + random.NextDouble() * 0.02, 0.5 + random.NextDouble() * 0.02, 25, random.Next(2) == 0) is not null)
                placed++;
        }
        var boxes = placer.Placed;
        Assert.Equal(placed, boxes.Count);
        Assert.InRange(placed, 7, 59);
        for (int a = 0; a < boxes.Count; a++)
        {
            for (int b = a + 1; b < boxes.Count; b++)
                Assert.False(boxes[a].Overlaps(boxes[b]), $"labels {a} and {b} overlap");
        }
    }

    [Fact]
    public void Labels_apart_from_each_other_keep_their_own_line()
    {
        var placer = new LabelPlacer(0, 10, 0, 10, 1000, 1000);
        Assert.Equal(0f, placer.Place(1, 1, 10, growsRight: true));
        Assert.Equal(0f, placer.Place(9, 9, 10, growsRight: false));
    }
}
