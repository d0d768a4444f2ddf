using Collab.Data;

namespace Collab.Evaluation;

/// <summary>Recommends the items with the most training interactions to everyone: the ranking floor.</summary>
public sealed class PopularityBaseline : IItemScorer
{
    private readonly float[] _counts;

    private PopularityBaseline(float[] counts) => _counts = counts;

    /// <inheritdoc />
    public string Name => "most-popular";

    /// <inheritdoc />
    public bool PredictsRatings => false;

    /// <summary>Counts each item's training rows.</summary>
    public static PopularityBaseline Fit(EncodedRatings train, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(train);
        var counts = new float[itemCount];
        foreach (var item in train.Items)
            counts[item]++;
        return new PopularityBaseline(counts);
    }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions)
    {
        for (int b = 0; b < items.Length; b++)
            predictions[b] = _counts[items[b]];
    }

    /// <inheritdoc />
    public void ScoreAll(int user, Span<float> scores) => _counts.CopyTo(scores);
}
