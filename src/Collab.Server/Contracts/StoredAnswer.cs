namespace Collab.Server.Contracts;

/// <summary>An answer as stored: a rating, or null for "not seen".</summary>
internal readonly record struct StoredAnswer(string Item, float? Rating);
