namespace Collab.Server.Contracts;

/// <summary>One answer: a rating of an item, or <c>notSeen: true</c>.</summary>
internal sealed record AnswerInput(string? Item, float? Rating, bool? NotSeen);
