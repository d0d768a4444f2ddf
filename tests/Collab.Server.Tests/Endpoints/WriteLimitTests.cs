using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Endpoints;

/// <summary>The limits on writes: a session's answer cap under concurrent requests, and rate-limit buckets per client behind proxies.</summary>
[Collection(ServerCollection.Name)]
public sealed class WriteLimitTests(ServedModelFixture model)
{
    [Fact]
    public async Task Concurrent_answers_never_take_a_session_past_its_cap()
    {
        var database = model.NewDatabase();
        await using var server = await RunningServer.StartAsync(model, database);
        var id = (await server.PostJsonAsync("/api/sessions", null, 201)).GetProperty("id").GetString()!;
        var path = $"/api/sessions/{id}/answers";
        for (int stored = 0; stored < 1900; stored += 100)
            await server.PostJsonAsync(path, AnswersOf(100));

        // Another writer on the same database (a second replica) holds the write lock while four requests of 100
        // answers arrive, so all four are in flight together; only one of them fits under the cap of 2,000.
        HttpStatusCode[] statuses;
        using (var replica = new SqliteConnection($"Data Source={database}"))
        {
            replica.Open();
            var transaction = replica.BeginTransaction();
            var answers = Enumerable.Range(0, 4).Select(async _ =>
            {
                using var response = await server.Client.PostAsJsonAsync(path, AnswersOf(100));
                return response.StatusCode;
            }).ToList();
            await Task.Delay(TimeSpan.FromSeconds(2));
            transaction.Rollback();
            statuses = await Task.WhenAll(answers);
        }

        Assert.Single(statuses, HttpStatusCode.OK);
        Assert.All(statuses.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(2000L, StoredAnswers(database, id));
    }

    [Fact]
    public async Task Forwarded_clients_behind_a_trusted_proxy_get_a_write_bucket_each()
    {
        // The test's own loopback connection plays the reverse proxy.
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase(), o => o with { WritesPerSecond = 1, TrustedProxies = ["127.0.0.1"] });
        var first = await NewSessionsAsync(server, "203.0.113.7", 5);
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        var second = await NewSessionsAsync(server, "203.0.113.8", 2);
        Assert.All(second, s => Assert.Equal(HttpStatusCode.Created, s));
    }

    [Fact]
    public async Task The_forwarded_header_of_a_peer_that_is_not_a_trusted_proxy_is_ignored()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase(), o => o with { WritesPerSecond = 1, TrustedProxies = ["10.1.2.3"] });
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++)
            statuses.AddRange(await NewSessionsAsync(server, $"203.0.113.{10 + i}", 1));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("10.0.0.0/99")]
    public void A_trusted_proxy_that_is_neither_an_address_nor_a_network_is_refused_at_start_up(string proxy)
    {
        var options = new CollabServerOptions { ModelPath = model.ModelPath, Database = model.NewDatabase(), TrustedProxies = [proxy] };
        var error = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains(proxy, error.Message, StringComparison.Ordinal);
    }

    private object AnswersOf(int count) => new { answers = Enumerable.Repeat(new { item = model.FirstItem, rating = 3.0 }, count) };

    private static async Task<List<HttpStatusCode>> NewSessionsAsync(RunningServer server, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await server.Client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }

    private static long StoredAnswers(string database, string session)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM answers WHERE session_id = $id";
        command.Parameters.AddWithValue("$id", session);
        return (long)command.ExecuteScalar()!;
    }
}
