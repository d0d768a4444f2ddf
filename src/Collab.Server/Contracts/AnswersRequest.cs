namespace Collab.Server.Contracts;

/// <summary><c>POST /api/sessions/{id}/answers</c>: a batch of answers (a later answer about an item replaces an earlier one).</summary>
internal sealed record AnswersRequest(IReadOnlyList<AnswerInput?>? Answers);
