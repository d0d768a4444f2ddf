using System.Globalization;
using Microsoft.Data.Sqlite;
using Collab.Server.Contracts;

namespace Collab.Server.Storage;

/// <summary>
/// Visitors' sessions, rounds of questions and answers in SQLite (WAL: readers never wait for the writer). One
/// pooled connection per call; every write is one transaction, committed before the request is answered. The SQLite
/// dialect of <see cref="ISessionStore"/>; its schema is <see cref="SqliteSchema"/>.
/// </summary>
internal sealed class SqliteSessionStore : ISessionStore
{
    // SQLite has one writer at a time, and Microsoft.Data.Sqlite answers a busy database by sleeping and retrying
    // (a p99 of 120 ms under the mixed load). Writers queue here instead; readers never take it (WAL).
    private readonly Lock _writer = new();
    private readonly string _connectionString;

    public SqliteSessionStore(string path)
    {
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        SqliteSchema.Migrate(connection);
    }

    public void Create(string id, DateTimeOffset now)
    {
        using var connection = Open();
        using var _ = _writer.EnterScope();
        Execute(connection, null, "INSERT INTO sessions (id, created_at) VALUES ($id, $now)", ("$id", id), ("$now", Stamp(now)));
    }

    public SessionRecord? Find(string id)
    {
        using var connection = Open();
        using var command = Command(connection, null, "SELECT created_at, rounds, round_open FROM sessions WHERE id = $id", ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new SessionRecord(id, DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture), reader.GetInt32(1), reader.GetInt32(2) != 0)
            : null;
    }

    public List<StoredAnswer> Answers(string id)
    {
        using var connection = Open();
        using var command = Command(connection, null, "SELECT item, rating FROM answers WHERE session_id = $id ORDER BY id", ("$id", id));
        return DbRows.ReadAll(command, DbRows.Answer);
    }

    public List<string> Asked(string id, int? round = null)
    {
        using var connection = Open();
        using var command = Command(connection, null,
            "SELECT item FROM asked WHERE session_id = $id AND ($round IS NULL OR round = $round) ORDER BY round, position",
            ("$id", id), ("$round", round));
        return DbRows.ReadAll(command, DbRows.Item);
    }

    public int OpenRound(string id, IReadOnlyList<string> items)
    {
        using var connection = Open();
        using var _ = _writer.EnterScope();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, "UPDATE sessions SET rounds = rounds + 1, round_open = 1 WHERE id = $id", ("$id", id));
        int round = Convert.ToInt32(Scalar(connection, transaction, "SELECT rounds FROM sessions WHERE id = $id", ("$id", id)), CultureInfo.InvariantCulture);
        for (int p = 0; p < items.Count; p++)
        {
            Execute(connection, transaction, "INSERT OR IGNORE INTO asked (session_id, item, round, position) VALUES ($id, $item, $round, $p)",
                ("$id", id), ("$item", items[p]), ("$round", round), ("$p", p));
        }
        transaction.Commit();
        return round;
    }

    // The count is read inside the write transaction and the in-process writer lock; BEGIN IMMEDIATE also holds
    // SQLite's file lock, so another process on the same file cannot overshoot the cap either.
    public bool TryAddAnswers(string id, IReadOnlyList<StoredAnswer> answers, DateTimeOffset now, int maxPerSession)
    {
        using var connection = Open();
        using var _ = _writer.EnterScope();
        // Not deferred (BEGIN IMMEDIATE): the database's write lock is held before the count is read; returning
        // without a commit rolls back.
        using var transaction = connection.BeginTransaction(deferred: false);
        long stored = (long)Scalar(connection, transaction, "SELECT COUNT(*) FROM answers WHERE session_id = $id", ("$id", id))!;
        if (stored + answers.Count > maxPerSession)
            return false;
        var stamp = Stamp(now);
        foreach (var answer in answers)
        {
            Execute(connection, transaction, "INSERT INTO answers (session_id, item, rating, answered_at) VALUES ($id, $item, $rating, $now)",
                ("$id", id), ("$item", answer.Item), ("$rating", answer.Rating), ("$now", stamp));
        }
        Execute(connection, transaction, "UPDATE sessions SET round_open = 0 WHERE id = $id", ("$id", id));
        transaction.Commit();
        return true;
    }

    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // NORMAL in WAL mode: a commit survives a crash of the process (the log is written before the call returns);
        // only an operating-system crash or power loss can lose the last commits.
        Execute(connection, null, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
        return connection;
    }

    private static string Stamp(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
