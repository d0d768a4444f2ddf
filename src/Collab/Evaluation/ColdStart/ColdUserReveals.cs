namespace Collab.Evaluation.ColdStart;

/// <summary>
/// What the cold-user protocol reveals of one held-out user: the test ratings, the pool the reveals come from
/// (the user's other ratings), and the ratings each way of choosing obtained, in order.
/// </summary>
/// <param name="Test">Ratings set aside for measuring; never revealed.</param>
/// <param name="Pool">The other ratings: the only ones any choice may reveal.</param>
/// <param name="Open">The open questionnaire's ratings, in the order obtained.</param>
/// <param name="OpenQuestionsAt">The question number at which each of <paramref name="Open"/> was obtained.</param>
/// <param name="FromSeen">The ratings the questionnaire chose from the pool's items, in order.</param>
/// <param name="AtRandom">Ratings drawn at random from the pool.</param>
/// <param name="RandomQuestions">Ratings obtained by questions about askable items drawn at random.</param>
/// <param name="RandomQuestionsAt">The question number of each of <paramref name="RandomQuestions"/>.</param>
internal sealed record ColdUserReveals(
    List<(int Item, float Rating)> Test,
    List<(int Item, float Rating)> Pool,
    List<(int Item, float Rating)> Open,
    List<int> OpenQuestionsAt,
    List<(int Item, float Rating)> FromSeen,
    List<(int Item, float Rating)> AtRandom,
    List<(int Item, float Rating)> RandomQuestions,
    List<int> RandomQuestionsAt);
