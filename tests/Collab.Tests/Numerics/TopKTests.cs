using Collab.Numerics;

namespace Collab.Tests.Numerics;

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

    [Fact]
    public void Scores_alone_skip_negative_infinity_and_give_ties_to_the_lower_index()
    {
        float[] scores = [0.5f, float.NegativeInfinity, 0.9f, 0.5f, 0.2f, 0.9f];
        var top = TopK.Select(scores, 4);
        Assert.Equal([2, 5, 0, 3], top.Select(t => t.Index));
        Assert.Equal([0.9f, 0.9f, 0.5f, 0.5f], top.Select(t => t.Score));
    }

    [Fact]
    public void Scores_alone_return_every_row_left_when_k_exceeds_them_and_nothing_for_k_zero()
    {
        float[] scores = [float.NegativeInfinity, 3, 1, float.NegativeInfinity];
        Assert.Equal([1, 2], TopK.Select(scores, 10).Select(t => t.Index));
        Assert.Empty(TopK.Select(scores, 0));
        Assert.Empty(TopK.Select([float.NegativeInfinity], 1));
    }

    [Fact]
    public void Scores_alone_match_a_full_stable_sort_on_random_scores()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 50; trial++)
        {
            var scores = Enumerable.Range(0, 200).Select(_ => random.Next(20) == 0 ? float.NegativeInfinity : random.Next(30) / 3f).ToArray();
            int k = random.Next(1, 40);
            var expected = Enumerable.Range(0, scores.Length).Where(i => !float.IsNegativeInfinity(scores[i]))
                .OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k);
            Assert.Equal(expected, TopK.Select(scores, k).Select(t => t.Index));
        }
    }

    [Fact]
    public void Long_runs_skipped_eight_at_a_time_give_the_same_top_as_a_full_sort_with_nan_last()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 30; trial++)
        {
            var scores = Enumerable.Range(0, 1000 + trial).Select(_ => random.Next(50) switch
            {
                0 => float.NegativeInfinity,
                1 => float.NaN,
                _ => random.Next(400) / 7f,
            }).ToArray();
            int k = random.Next(1, 25);
            float Ranked(int i) => float.IsNaN(scores[i]) ? float.NegativeInfinity : scores[i];
            var expected = Enumerable.Range(0, scores.Length).Where(i => !float.IsNegativeInfinity(scores[i]))
                .OrderByDescending(Ranked).ThenBy(i => i).Take(k);
            Assert.Equal(expected, TopK.Select(scores, k).Select(t => t.Index));
        }
    }
}
