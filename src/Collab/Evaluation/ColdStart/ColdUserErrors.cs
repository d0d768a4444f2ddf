
namespace Collab.Evaluation.ColdStart;

/// <summary>The errors (predicted − true) of one test rating after each way of revealing k ratings.</summary>
/// <param name="Questionnaire">After the open questionnaire's ratings.</param>
/// <param name="FromSeen">After the ratings the questionnaire chose from the user's seen items.</param>
/// <param name="Random">After k ratings at random.</param>
/// <param name="BiasOnly">After fitting only the user's bias to the random k.</param>
internal readonly record struct ColdUserErrors(double Questionnaire, double FromSeen, double Random, double BiasOnly);
