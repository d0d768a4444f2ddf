namespace Collab.Server.Contracts;

/// <summary><c>GET /api/items/{id}</c>: what the items file and the model say about an item.</summary>
internal sealed record ItemDetails(string Id, string? Title, IReadOnlyList<string> Genres, float? Bias, int Ratings, double MeanRating);
