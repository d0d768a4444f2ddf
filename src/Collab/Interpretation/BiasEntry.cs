namespace Collab.Interpretation;

/// <summary>One learned bias with the training ratings behind it.</summary>
/// <param name="Id">The raw user or item id.</param>
/// <param name="Bias">The learned bias (added to the raw score before the output range).</param>
/// <param name="Ratings">Training ratings of the id.</param>
/// <param name="MeanRating">Their mean.</param>
public sealed record BiasEntry(string Id, float Bias, int Ratings, double MeanRating);
