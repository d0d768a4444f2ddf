namespace Collab.Recommend;

/// <summary>One ranked result.</summary>
/// <param name="Id">The raw user or item id.</param>
/// <param name="Score">The predicted rating (recommendations) or the cosine similarity (similar items or users).</param>
/// <param name="TrainingRatings">How many training ratings the id had, to judge how much the score rests on.</param>
public sealed record ScoredId(string Id, float Score, int TrainingRatings);
