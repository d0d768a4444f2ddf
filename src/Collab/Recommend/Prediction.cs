namespace Collab.Recommend;

/// <summary>A predicted rating for raw ids, with how it was obtained.</summary>
public sealed record Prediction(string User, string Item, float Rating, PredictionBasis Basis)
{
    /// <summary>A sentence saying how the rating was obtained.</summary>
    public string Explanation => Basis switch
    {
        PredictionBasis.Model => "from the trained user and item factors and biases",
        PredictionBasis.UnknownUser => $"user '{User}' was not in the training data: used the #na# user row (about the item's bias alone)",
        PredictionBasis.UnknownItem => $"item '{Item}' was not in the training data: used the #na# item row (about the user's bias alone)",
        _ => $"neither user '{User}' nor item '{Item}' was in the training data: used the #na# rows (a near-constant guess)",
    };
}
