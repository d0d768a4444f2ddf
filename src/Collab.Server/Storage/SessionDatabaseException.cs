namespace Collab.Server.Storage;

/// <summary>
/// The session database cannot be used (not reachable, login refused, no such database); the message is one line that
/// says where and what to do. An <see cref="IOException"/>, so front ends report it as the user's to fix.
/// </summary>
internal sealed class SessionDatabaseException(string message, Exception inner) : IOException(message, inner);
