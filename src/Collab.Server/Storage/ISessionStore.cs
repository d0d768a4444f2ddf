using Collab.Server.Contracts;

namespace Collab.Server.Storage;

/// <summary>
/// Where visitors' sessions, rounds of questions and answers live: SQLite (one process) or PostgreSQL (replicas sharing
/// one database). Every write is one transaction committed before the call returns; nothing is held in memory, so any
/// process on the same database answers any session.
/// </summary>
internal interface ISessionStore : IDisposable
{
    void Create(string id, DateTimeOffset now);

    SessionRecord? Find(string id);

    /// <summary>Every answer of a session, oldest first.</summary>
    List<StoredAnswer> Answers(string id);

    /// <summary>Items asked in a round (every round when <paramref name="round"/> is null), in the order asked.</summary>
    List<string> Asked(string id, int? round = null);

    /// <summary>Opens the next round with these items; returns its number.</summary>
    int OpenRound(string id, IReadOnlyList<string> items);

    /// <summary>
    /// Appends answers and closes the open round, in one transaction, unless the session would then hold more than
    /// <paramref name="maxPerSession"/> answers. The count is read inside the write transaction, with the session's
    /// writers serialised by the database, so concurrent requests, to this process or another on the same database,
    /// cannot overshoot it.
    /// </summary>
    /// <returns>Whether the answers were stored.</returns>
    bool TryAddAnswers(string id, IReadOnlyList<StoredAnswer> answers, DateTimeOffset now, int maxPerSession);
}
