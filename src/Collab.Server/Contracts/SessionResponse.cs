namespace Collab.Server.Contracts;

/// <summary>A visitor's session: its id and what has been answered so far.</summary>
internal sealed record SessionResponse(string Id, DateTimeOffset Created, int Rounds, int Rated, int NotSeen);
