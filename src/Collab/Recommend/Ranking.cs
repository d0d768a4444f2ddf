namespace Collab.Recommend;

/// <summary>
/// A top-N answer: recommendations for a user, or the nearest items or users. When the queried id was not
/// in the training data, <see cref="Found"/> is false, <see cref="Results"/> is empty and
/// <see cref="Message"/> says why; nothing is thrown.
/// </summary>
/// <param name="Query">The raw id asked about.</param>
/// <param name="Kind">What is ranked.</param>
/// <param name="Found">Whether the model was trained on <paramref name="Query"/>.</param>
/// <param name="Results">Best first; ties go to the id the model's vocabulary sorts first.</param>
public sealed record Ranking(string Query, RankingKind Kind, bool Found, IReadOnlyList<ScoredId> Results)
{
    /// <summary>True when the scores rank without being ratings (the implicit models: ials, ease, bpr, bce).</summary>
    public bool ByScore { get; init; }

    /// <summary>What the query was, in words; for an unknown id, why there are no results.</summary>
    public string Message => (Found, Kind) switch
    {
        (true, RankingKind.Recommendations) when ByScore => $"top {Results.Count} items user '{Query}' has not interacted with, by the model's score",
        (true, RankingKind.Recommendations) => $"top {Results.Count} items user '{Query}' has not rated, by predicted rating",
        (true, RankingKind.SimilarItems) => $"the {Results.Count} items nearest to item '{Query}' by cosine similarity of their factors",
        (true, _) => $"the {Results.Count} users nearest to user '{Query}' by cosine similarity of their factors",
        (false, RankingKind.SimilarItems) => UnknownMessage("item"),
        _ => UnknownMessage("user"),
    };

    private string UnknownMessage(string what) =>
        $"{what} '{Query}' is not in the model's training data (unknown, or all its ratings fell in the validation split), so it has no learned factors";
}
