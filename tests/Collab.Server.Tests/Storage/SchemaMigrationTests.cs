using Microsoft.Data.Sqlite;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Storage;

[Collection(ServerCollection.Name)]
public sealed class SchemaMigrationTests(ServedModelFixture model)
{
    [Fact]
    public async Task A_database_of_the_first_schema_is_migrated_at_start_up_and_keeps_its_answers()
    {
        var database = model.NewDatabase();
        const string session = "0123456789abcdef0123456789abcdef";
        using (var old = new SqliteConnection($"Data Source={database}"))
        {
            old.Open();
            using var command = old.CreateCommand();
            // Schema version 1 as the first release wrote it: sessions and answers, no rounds.
            command.CommandText = $"""
                CREATE TABLE sessions (id TEXT PRIMARY KEY, created_at TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE answers (id INTEGER PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions(id),
                    item TEXT NOT NULL, rating REAL, answered_at TEXT NOT NULL);
                CREATE INDEX answers_by_session ON answers(session_id, id);
                INSERT INTO sessions VALUES ('{session}', '2026-01-01T00:00:00.0000000+00:00');
                INSERT INTO answers (session_id, item, rating, answered_at) VALUES ('{session}', '{model.FirstItem}', 4.5, '2026-01-01T00:00:00.0000000+00:00');
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        await using var server = await RunningServer.StartAsync(model, database);
        var restored = await server.GetJsonAsync($"/api/sessions/{session}");
        Assert.Equal(1, restored.GetProperty("rated").GetInt32());
        var round = await server.GetJsonAsync($"/api/sessions/{session}/questions?n=3");
        Assert.Equal(1, round.GetProperty("round").GetInt32());
        Assert.DoesNotContain(model.FirstItem, round.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()));
        using var check = new SqliteConnection($"Data Source={database}");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version; ";
        Assert.Equal(2L, (long)version.ExecuteScalar()!);
        version.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string)version.ExecuteScalar()!);
    }
}
