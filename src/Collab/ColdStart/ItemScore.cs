namespace Collab.ColdStart;

/// <summary>An item with the rating predicted for a folded-in user.</summary>
/// <param name="Item">Raw item id.</param>
/// <param name="Rating">Predicted rating.</param>
public sealed record ItemScore(string Item, float Rating);
