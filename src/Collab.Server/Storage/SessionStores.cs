namespace Collab.Server.Storage;

/// <summary>Opens the session store a <c>--db</c> value names: a PostgreSQL connection string, else a SQLite file.</summary>
internal static class SessionStores
{
    public static ISessionStore Open(string database) =>
        PostgresConnectionString.TryParse(database) is { } postgres ? new PostgresSessionStore(postgres) : new SqliteSessionStore(database);

    /// <summary>Where the sessions are, for people: never a password.</summary>
    public static string Describe(string database) => PostgresConnectionString.TryParse(database) is { } postgres
        ? $"PostgreSQL database '{postgres.Database ?? postgres.Username}' at {PostgresFailures.Where(postgres)}"
        : Path.GetFullPath(database);
}
