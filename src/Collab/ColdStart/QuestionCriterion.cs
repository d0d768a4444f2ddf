namespace Collab.ColdStart;

/// <summary>What the questionnaire maximises when it chooses the next item to ask about.</summary>
public enum QuestionCriterion
{
    /// <summary>
    /// Expected reduction of the uncertainty of predictions, weighted by how often each item is rated: covers
    /// the item-factor directions that matter for the items users actually rate (a popularity-weighted
    /// V-optimal design).
    /// </summary>
    PredictionVariance,

    /// <summary>
    /// Coverage of the item-factor directions not yet asked, every direction alike: the expected gain in
    /// log-determinant of the information about the user (a D-optimal design).
    /// </summary>
    Coverage,
}
