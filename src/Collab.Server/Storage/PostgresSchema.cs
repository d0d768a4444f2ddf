using Npgsql;

namespace Collab.Server.Storage;

/// <summary>
/// The PostgreSQL schema as numbered migrations, the same steps as <see cref="SqliteSchema"/>; <c>collab_schema</c>
/// records how many have run. Each runs in its own transaction under an advisory lock, so replicas that start
/// together migrate the database once.
/// </summary>
internal static class PostgresSchema
{
    // Any constant shared by every Collab process; it names the migration lock among the database's advisory locks.
    private const long MigrationLock = 0x436f6c6c6162;

    private static readonly string[] Migrations =
    [
        // 1: sessions and an append-only log of answers (rating NULL = "not seen"); the latest answer per item counts.
        """
        CREATE TABLE sessions (id text PRIMARY KEY, created_at timestamptz NOT NULL);
        CREATE TABLE answers (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            session_id text NOT NULL REFERENCES sessions(id),
            item text NOT NULL,
            rating real,
            answered_at timestamptz NOT NULL);
        CREATE INDEX answers_by_session ON answers(session_id, id);
        """,
        // 2: rounds of questions, so an item is asked once and a page reload gets the same open round back.
        """
        ALTER TABLE sessions ADD COLUMN rounds integer NOT NULL DEFAULT 0, ADD COLUMN round_open boolean NOT NULL DEFAULT false;
        CREATE TABLE asked (
            session_id text NOT NULL REFERENCES sessions(id),
            item text NOT NULL,
            round integer NOT NULL,
            position integer NOT NULL,
            PRIMARY KEY (session_id, item));
        """,
    ];

    /// <summary>The schema version this code writes.</summary>
    public static int Latest => Migrations.Length;

    public static void Migrate(NpgsqlConnection connection)
    {
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, $"SELECT pg_advisory_xact_lock({MigrationLock}); CREATE TABLE IF NOT EXISTS collab_schema (version integer NOT NULL);");
            using var read = new NpgsqlCommand("SELECT version FROM collab_schema", connection);
            int? found = (int?)read.ExecuteScalar();
            int version = found ?? 0;
            if (version > Latest)
                throw new InvalidOperationException($"The database has schema version {version}; this Collab knows up to {Latest}. Use a newer Collab.");
            if (version == Latest)
            {
                transaction.Commit();
                return;
            }
            Execute(connection, Migrations[version]);
            Execute(connection, found is null ? "INSERT INTO collab_schema VALUES (1)" : $"UPDATE collab_schema SET version = {version + 1}");
            transaction.Commit();
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
