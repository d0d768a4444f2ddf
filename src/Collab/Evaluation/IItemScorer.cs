namespace Collab.Evaluation;

/// <summary>Anything evaluated: a trained model or a baseline, scoring encoded (user, item) pairs.</summary>
public interface IItemScorer
{
    /// <summary>The name in reports ("dot", "most-popular", ...).</summary>
    string Name { get; }

    /// <summary>Whether the scores are predicted ratings, so that RMSE and MAE apply.</summary>
    bool PredictsRatings { get; }

    /// <summary>Scores (or predicted ratings) for encoded pairs.</summary>
    void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions);

    /// <summary>Writes the score of every item row for one user into <paramref name="scores"/> (one entry per item row).</summary>
    void ScoreAll(int user, Span<float> scores);
}
