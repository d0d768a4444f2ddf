
namespace Collab.Evaluation.ColdStart;

/// <summary>One point of the cold-user curve: RMSE on the held-out users' test ratings after k revealed ratings.</summary>
/// <param name="Reveal">Ratings revealed per user (fewer when a user has fewer to reveal).</param>
/// <param name="Questionnaire">
/// RMSE after folding in the ratings the open questionnaire obtained (it may ask about any well-known item; "not
/// seen" answers cost questions but yield no rating).
/// </param>
/// <param name="QuestionnaireFromSeen">
/// RMSE after folding in the k ratings the questionnaire chose among the items the user can reveal (it knows which
/// items those are, not their ratings), as random reveals draw from the same items.
/// </param>
/// <param name="Random">RMSE after folding in k ratings chosen at random.</param>
/// <param name="BiasOnly">RMSE after fitting only the user's bias to the same random k ratings (factors held at the trained users' mean).</param>
/// <param name="OpenVsRandomError">
/// Standard error of <paramref name="Questionnaire"/> − <paramref name="Random"/>, from the spread of the per-user
/// differences in squared error (users as independent units).
/// </param>
/// <param name="FromSeenVsRandomError">Standard error of <paramref name="QuestionnaireFromSeen"/> − <paramref name="Random"/>, the same way.</param>
/// <param name="RevealedByQuestionnaire">Mean ratings the open questionnaire obtained (it stops when it runs out of items).</param>
/// <param name="RevealedFromSeen">Mean ratings the questionnaire chose from the seen items (fewer when a user has fewer).</param>
/// <param name="RevealedAtRandom">Mean ratings revealed at random.</param>
/// <param name="MedianQuestions">Median over users of the questions asked to obtain them ("not seen" answers included).</param>
/// <param name="MeanQuestions">Mean of the same (pulled up by users who rated few well-known items).</param>
public sealed record ColdUserPoint(
    int Reveal,
    double Questionnaire,
    double QuestionnaireFromSeen,
    double Random,
    double BiasOnly,
    double OpenVsRandomError,
    double FromSeenVsRandomError,
    double RevealedByQuestionnaire,
    double RevealedFromSeen,
    double RevealedAtRandom,
    int MedianQuestions,
    double MeanQuestions);
