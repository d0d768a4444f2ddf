using Microsoft.Data.Sqlite;

namespace Collab.Server.Storage;

/// <summary>
/// The SQLite database schema as numbered migrations (the same steps as <see cref="PostgresSchema"/>); <c>PRAGMA user_version</c> records how many have run. Each runs in
/// its own transaction at start-up, so an old database is brought forward and a new one created the same way.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        // 1: sessions and an append-only log of answers (rating NULL = "not seen"); the latest answer per item counts.
        """
        CREATE TABLE sessions (id TEXT PRIMARY KEY, created_at TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE answers (
            id INTEGER PRIMARY KEY,
            session_id TEXT NOT NULL REFERENCES sessions(id),
            item TEXT NOT NULL,
            rating REAL,
            answered_at TEXT NOT NULL);
        CREATE INDEX answers_by_session ON answers(session_id, id);
        """,
        // 2: rounds of questions, so an item is asked once and a page reload gets the same open round back.
        """
        ALTER TABLE sessions ADD COLUMN rounds INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE sessions ADD COLUMN round_open INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE asked (
            session_id TEXT NOT NULL REFERENCES sessions(id),
            item TEXT NOT NULL,
            round INTEGER NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (session_id, item)) WITHOUT ROWID;
        """,
    ];

    /// <summary>The schema version this code writes.</summary>
    public static int Latest => Migrations.Length;

    public static void Migrate(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode = WAL;");
        int version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Latest)
            throw new InvalidOperationException($"The database has schema version {version}; this Collab knows up to {Latest}. Use a newer Collab.");
        for (int v = version; v < Latest; v++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, Migrations[v], transaction);
            Execute(connection, $"PRAGMA user_version = {v + 1};", transaction);
            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
