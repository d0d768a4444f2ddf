namespace Collab.Server.Contracts;

/// <summary>A ranked list: recommendations or similar items.</summary>
internal sealed record RankingResponse(string Query, string Message, IReadOnlyList<ItemView> Items);
