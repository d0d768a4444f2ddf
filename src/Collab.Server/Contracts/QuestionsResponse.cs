namespace Collab.Server.Contracts;

/// <summary>One round of questions: items to rate or mark as not seen. Empty when every askable item was asked.</summary>
internal sealed record QuestionsResponse(string SessionId, int Round, IReadOnlyList<ItemView> Questions);
