namespace Collab.Recommend;

/// <summary>How a prediction was obtained, so callers always learn when an id was unknown.</summary>
public enum PredictionBasis
{
    /// <summary>Both the user and the item were trained.</summary>
    Model,

    /// <summary>The user is unknown: the model's #na# user row was used, so the result is close to the item's bias alone.</summary>
    UnknownUser,

    /// <summary>The item is unknown: the model's #na# item row was used, so the result is close to the user's bias alone.</summary>
    UnknownItem,

    /// <summary>Neither is known: both #na# rows were used (a near-constant guess).</summary>
    UnknownUserAndItem,
}
