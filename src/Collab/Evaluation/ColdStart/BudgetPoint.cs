
namespace Collab.Evaluation.ColdStart;

/// <summary>
/// One point of the cold-user curve by questions asked: RMSE on the held-out users' test ratings after a
/// fixed number of questions, each answered with a rating or "not seen".
/// </summary>
/// <param name="Questions">Questions asked per user.</param>
/// <param name="Questionnaire">RMSE after the questionnaire's questions.</param>
/// <param name="RandomQuestions">RMSE after as many questions about items drawn at random from the same askable items.</param>
/// <param name="RatingsByQuestionnaire">Mean ratings the questionnaire's questions obtained.</param>
/// <param name="RatingsByRandomQuestions">Mean ratings the random questions obtained.</param>
public sealed record BudgetPoint(
    int Questions,
    double Questionnaire,
    double RandomQuestions,
    double RatingsByQuestionnaire,
    double RatingsByRandomQuestions);
