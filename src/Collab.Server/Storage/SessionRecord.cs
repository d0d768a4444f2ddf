namespace Collab.Server.Storage;

/// <summary>A session row.</summary>
internal sealed record SessionRecord(string Id, DateTimeOffset Created, int Rounds, bool RoundOpen);
