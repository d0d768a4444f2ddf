namespace Collab.Evaluation;

/// <summary>
/// A rating model's scorer whose predicted ratings are clipped to the training ratings' range, as
/// <c>Predictor</c> clips them for a model without an output range (bayes); rankings use the raw scores.
/// </summary>
internal sealed class ClippedScorer(IItemScorer inner, float low, float high) : IItemScorer
{
    public string Name => inner.Name;

    public bool PredictsRatings => inner.PredictsRatings;

    public void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions)
    {
        inner.Predict(users, items, predictions);
        foreach (ref float prediction in predictions)
            prediction = Math.Clamp(prediction, low, high);
    }

    public void ScoreAll(int user, Span<float> scores) => inner.ScoreAll(user, scores);
}
