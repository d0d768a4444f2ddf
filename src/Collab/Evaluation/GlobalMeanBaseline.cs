using Collab.Data;

namespace Collab.Evaluation;

/// <summary>Predicts the mean training rating for every pair: the floor any rating model must beat.</summary>
public sealed class GlobalMeanBaseline : IItemScorer
{
    private GlobalMeanBaseline(float mean) => Mean = mean;

    /// <summary>The mean training rating.</summary>
    public float Mean { get; }

    /// <inheritdoc />
    public string Name => "global-mean";

    /// <inheritdoc />
    public bool PredictsRatings => true;

    /// <summary>Fits the mean of the training ratings.</summary>
    public static GlobalMeanBaseline Fit(EncodedRatings train)
    {
        ArgumentNullException.ThrowIfNull(train);
        double sum = 0;
        foreach (var rating in train.Ratings)
            sum += rating;
        return new GlobalMeanBaseline(train.Count == 0 ? 0 : (float)(sum / train.Count));
    }

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions) => predictions[..users.Length].Fill(Mean);

    /// <inheritdoc />
    public void ScoreAll(int user, Span<float> scores) => scores.Fill(Mean);
}
