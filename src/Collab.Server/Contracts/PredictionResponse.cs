namespace Collab.Server.Contracts;

/// <summary><c>GET /api/predict</c>: a predicted rating.</summary>
internal sealed record PredictionResponse(string User, string Item, float Rating, string? Title);
