using Npgsql;
using NpgsqlTypes;
using Collab.Server.Contracts;

namespace Collab.Server.Storage;

/// <summary>
/// Visitors' sessions, rounds and answers in PostgreSQL, shared by every replica on the database: the PostgreSQL
/// dialect of <see cref="ISessionStore"/>; its schema is <see cref="PostgresSchema"/>. Every write is one transaction,
/// committed (durably, with the server's default <c>synchronous_commit</c>) before the call returns. Writers of one
/// session, from any process, queue on that session's row lock (<c>SELECT ... FOR UPDATE</c>).
/// </summary>
internal sealed class PostgresSessionStore : ISessionStore
{
    private readonly NpgsqlConnectionStringBuilder _settings;
    private readonly NpgsqlDataSource _source;

    public PostgresSessionStore(NpgsqlConnectionStringBuilder settings)
    {
        _settings = settings;
        _source = NpgsqlDataSource.Create(settings.ConnectionString);
        using var connection = Open();
        PostgresSchema.Migrate(connection);
    }

    public void Create(string id, DateTimeOffset now)
    {
        using var connection = Open();
        Execute(connection, "INSERT INTO sessions (id, created_at) VALUES (@id, @now)", ("id", id), ("now", now));
    }

    public SessionRecord? Find(string id)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT created_at, rounds, round_open FROM sessions WHERE id = @id", ("id", id));
        using var reader = command.ExecuteReader();
        return reader.Read() ? new SessionRecord(id, reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1), reader.GetBoolean(2)) : null;
    }

    public List<StoredAnswer> Answers(string id)
    {
        using var connection = Open();
        using var command = Command(connection, "SELECT item, rating FROM answers WHERE session_id = @id ORDER BY id", ("id", id));
        return DbRows.ReadAll(command, DbRows.Answer);
    }

    public List<string> Asked(string id, int? round = null)
    {
        using var connection = Open();
        using var command = round is { } only
            ? Command(connection, "SELECT item FROM asked WHERE session_id = @id AND round = @round ORDER BY position", ("id", id), ("round", only))
            : Command(connection, "SELECT item FROM asked WHERE session_id = @id ORDER BY round, position", ("id", id));
        return DbRows.ReadAll(command, DbRows.Item);
    }

    public int OpenRound(string id, IReadOnlyList<string> items)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        // The UPDATE takes the session's row lock: a round opened by another replica at the same time gets the next number.
        int round = (int)Scalar(connection, "UPDATE sessions SET rounds = rounds + 1, round_open = true WHERE id = @id RETURNING rounds", ("id", id))!;
        Execute(connection, """
            INSERT INTO asked (session_id, item, round, position)
            SELECT @id, item, @round, position - 1 FROM unnest(@items) WITH ORDINALITY AS t(item, position)
            ON CONFLICT DO NOTHING
            """, ("id", id), ("round", round), ("items", items.ToArray()));
        transaction.Commit();
        return round;
    }

    public bool TryAddAnswers(string id, IReadOnlyList<StoredAnswer> answers, DateTimeOffset now, int maxPerSession)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        // The session's row lock serialises its writers across replicas until the commit, so the count below cannot
        // be overtaken by another request's insert; returning without a commit rolls back and releases it.
        Scalar(connection, "SELECT 1 FROM sessions WHERE id = @id FOR UPDATE", ("id", id));
        long stored = (long)Scalar(connection, "SELECT count(*) FROM answers WHERE session_id = @id", ("id", id))!;
        if (stored + answers.Count > maxPerSession)
            return false;
        var ratings = new NpgsqlParameter("ratings", NpgsqlDbType.Array | NpgsqlDbType.Real) { Value = answers.Select(a => a.Rating).ToArray() };
        using var insert = Command(connection, """
            INSERT INTO answers (session_id, item, rating, answered_at)
            SELECT @id, item, rating, @now FROM unnest(@items, @ratings) WITH ORDINALITY AS t(item, rating, position) ORDER BY position
            """, ("id", id), ("now", now), ("items", answers.Select(a => a.Item).ToArray()));
        insert.Parameters.Add(ratings);
        insert.ExecuteNonQuery();
        Execute(connection, "UPDATE sessions SET round_open = false WHERE id = @id", ("id", id));
        transaction.Commit();
        return true;
    }

    public void Dispose() => _source.Dispose();

    private NpgsqlConnection Open()
    {
        try
        {
            return _source.OpenConnection();
        }
        catch (Exception e) when (PostgresFailures.Explain(e, _settings) is { } message)
        {
            throw new SessionDatabaseException(message, e);
        }
    }

    private static void Execute(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }
}
