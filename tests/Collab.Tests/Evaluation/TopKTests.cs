using Collab.Evaluation;

namespace Collab.Tests.Evaluation;

public sealed class TopKTests
{
    [Fact]
    public void Selects_the_highest_scores_best_first_among_candidates_only()
    {
        float[] scores = [9, 0.1f, 0.5f, 0.3f, 0.9f, 0.7f];
        bool[] candidates = [false, true, true, true, true, true];
        Assert.Equal([4, 5, 2], TopK.Select(scores, candidates, new bool[6], 3));
        Assert.Equal([4, 5, 2, 3, 1], TopK.Select(scores, candidates, new bool[6], 10));
    }

    [Fact]
    public void Ties_count_against_the_model_irrelevant_items_first_then_lower_indices()
    {
        float[] scores = [0, 1, 1, 1, 1];
        bool[] candidates = [false, true, true, true, true];
        bool[] relevant = [false, true, false, false, true];
        Assert.Equal([2, 3, 1, 4], TopK.Select(scores, candidates, relevant, 4));
        // A constant scorer therefore gets no hit in its top 2.
        Assert.Equal([2, 3], TopK.Select(scores, candidates, relevant, 2));
    }

    [Fact]
    public void NaN_scores_rank_last()
    {
        float[] scores = [float.NaN, -5, 2];
        Assert.Equal([2, 1, 0], TopK.Select(scores, [true, true, true], new bool[3], 3));
    }
}
