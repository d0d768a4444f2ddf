namespace Collab.Interpretation;

/// <summary>Where one user or item lies along one principal component.</summary>
/// <param name="Id">The raw id.</param>
/// <param name="Score">Its coordinate along the component.</param>
public sealed record ComponentScore(string Id, double Score);
