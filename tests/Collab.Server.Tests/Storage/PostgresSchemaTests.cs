using Npgsql;
using Collab.Server.Contracts;
using Collab.Server.Storage;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Storage;

[Collection(PostgresCollection.Name)]
public sealed class PostgresSchemaTests(PostgresServer postgres)
{
    [Fact]
    public async Task Replicas_starting_together_on_a_new_database_migrate_it_once()
    {
        var database = postgres.NewDatabase();
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SessionStores.Open(database))));
        foreach (var store in stores)
            store.Dispose();
        Assert.Equal(1L, PostgresServer.Scalar<long>(database, "SELECT count(*) FROM collab_schema"));
        Assert.Equal(PostgresSchema.Latest, PostgresServer.Scalar<int>(database, "SELECT version FROM collab_schema"));
    }

    [Fact]
    public void A_database_of_the_first_schema_is_brought_forward_and_keeps_its_answers()
    {
        var database = postgres.NewDatabase();
        using (var old = new NpgsqlConnection(database))
        {
            old.Open();
            // Schema version 1, as the first migration alone leaves it: sessions and answers, no rounds.
            using var command = new NpgsqlCommand("""
                CREATE TABLE collab_schema (version integer NOT NULL);
                INSERT INTO collab_schema VALUES (1);
                CREATE TABLE sessions (id text PRIMARY KEY, created_at timestamptz NOT NULL);
                CREATE TABLE answers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, session_id text NOT NULL REFERENCES sessions(id),
                    item text NOT NULL, rating real, answered_at timestamptz NOT NULL);
                INSERT INTO sessions VALUES ('s1', '2026-01-01T00:00:00Z');
                INSERT INTO answers (session_id, item, rating, answered_at) VALUES ('s1', '356', 4.5, '2026-01-01T00:00:00Z');
                """, old);
            command.ExecuteNonQuery();
        }
        using var store = SessionStores.Open(database);
        Assert.Equal(new SessionRecord("s1", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), 0, false), store.Find("s1"));
        Assert.Equal([new StoredAnswer("356", 4.5f)], store.Answers("s1"));
        Assert.Equal(1, store.OpenRound("s1", ["318"]));
        Assert.Equal(PostgresSchema.Latest, PostgresServer.Scalar<int>(database, "SELECT version FROM collab_schema"));
    }
}
