using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Server.Endpoints;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Endpoints;

/// <summary>Two real <c>collab serve</c> processes on one PostgreSQL database: any replica answers any visitor, and the database serialises their writes.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplicaTests(PostgresServer postgres, ServedModelFixture model)
{
    [Fact]
    public async Task A_visitor_answering_round_one_on_one_replica_and_round_two_on_the_other_gets_what_one_replica_gives()
    {
        var database = postgres.NewDatabase();
        await using var a = await StartAsync(database);
        await using var b = await StartAsync(PostgresServer.UrlOf(database));
        var across = await OnboardAsync(a, b);
        var alone = await OnboardAsync(a, a);
        Assert.Equal(alone.Rounds, across.Rounds);
        Assert.Equal(alone.Recommendations, across.Recommendations);
        Assert.Equal(10, across.Recommendations.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Answers_posted_to_both_replicas_at_once_are_each_stored_once_when_either_is_killed(int killed)
    {
        var database = postgres.NewDatabase();
        ServeProcess[] replicas = [await StartAsync(database), await StartAsync(database)];
        try
        {
            var sessions = new List<string>();
            for (int s = 0; s < 12; s++)
                sessions.Add(await NewSessionAsync(replicas[s % 2]));
            // One request per (session, item): a row in the database says which request stored it.
            var work = sessions.SelectMany(s => model.TrainedItems.Take(40).Select(item => (Session: s, Item: item))).ToList();
            var accepted = new ConcurrentBag<(string, string)>();
            int sent = 0;
            using var lanes = new SemaphoreSlim(16);
            var posts = work.Select(async (w, i) =>
            {
                await lanes.WaitAsync();
                try
                {
                    if (Interlocked.Increment(ref sent) == work.Count / 3)
                        replicas[killed].Kill();
                    using var response = await replicas[i % 2].Client.PostAsJsonAsync($"/api/sessions/{w.Session}/answers", new { answers = new[] { new { item = w.Item, rating = 4.0 } } });
                    if (response.StatusCode == HttpStatusCode.OK)
                        accepted.Add(w);
                }
                catch (HttpRequestException)
                {
                    // The killed replica: in flight or refused; whether it was stored is for the database to say.
                }
                finally
                {
                    lanes.Release();
                }
            }).ToList();
            await Task.WhenAll(posts);

            var stored = StoredAnswers(database);
            Assert.DoesNotContain(stored, r => r.Value > 1);
            Assert.All(accepted, w => Assert.True(stored.ContainsKey(w), $"accepted answer {w} is not in the database"));
            Assert.True(accepted.Count >= work.Count / 2, $"only {accepted.Count} of {work.Count} accepted");
            // The survivor answers every session from what the database holds.
            var survivor = replicas[1 - killed];
            foreach (var session in sessions)
            {
                using var json = JsonDocument.Parse(await survivor.Client.GetStringAsync($"/api/sessions/{session}"));
                Assert.Equal(stored.Keys.Count(k => k.Session == session), json.RootElement.GetProperty("rated").GetInt32());
            }
        }
        finally
        {
            foreach (var replica in replicas)
                await replica.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_answer_cap_holds_for_a_session_written_from_both_replicas_at_once()
    {
        var database = postgres.NewDatabase();
        await using var a = await StartAsync(database);
        await using var b = await StartAsync(database);
        var session = await NewSessionAsync(a);
        var batch = new { answers = Enumerable.Range(0, SessionEndpoints.MaxAnswersPerRequest).Select(k => new { item = model.TrainedItems[k % model.TrainedItems.Count], rating = 3.0 }) };
        var statuses = await Task.WhenAll(Enumerable.Range(0, 30).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? a : b).Client.PostAsJsonAsync($"/api/sessions/{session}/answers", batch);
            return response.StatusCode;
        }));
        int fit = SessionEndpoints.MaxAnswersPerSession / SessionEndpoints.MaxAnswersPerRequest;
        Assert.Equal(fit, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(30 - fit, statuses.Count(s => s == HttpStatusCode.BadRequest));
        Assert.Equal((long)SessionEndpoints.MaxAnswersPerSession, PostgresServer.Scalar<long>(database, $"SELECT count(*) FROM answers WHERE session_id = '{session}'"));
    }

    private Task<ServeProcess> StartAsync(string database) => ServeProcess.StartAsync(model.ModelPath, database, "--write-rate", "100000");

    private static async Task<string> NewSessionAsync(ServeProcess replica)
    {
        using var created = await replica.Client.PostAsync("/api/sessions", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>A new visitor: round one asked and answered on <paramref name="first"/>, round two on <paramref name="second"/>, then recommendations from both.</summary>
    private static async Task<(List<string> Rounds, List<string> Recommendations)> OnboardAsync(ServeProcess first, ServeProcess second)
    {
        var session = await NewSessionAsync(first);
        var asked = new List<string>();
        foreach (var replica in new[] { first, second })
        {
            using var round = JsonDocument.Parse(await replica.Client.GetStringAsync($"/api/sessions/{session}/questions?n=5"));
            var items = round.RootElement.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()!).ToList();
            var answers = items.Select((item, i) => i < 3 ? (object)new { item, rating = 1.0 + i * 2 } : new { item, notSeen = true });
            using var answered = await replica.Client.PostAsJsonAsync($"/api/sessions/{session}/answers", new { answers });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
            asked.AddRange(items);
        }
        var fromFirst = await RecommendationsAsync(first, session);
        Assert.Equal(fromFirst, await RecommendationsAsync(second, session));
        return (asked, fromFirst);
    }

    private static async Task<List<string>> RecommendationsAsync(ServeProcess replica, string session)
    {
        using var json = JsonDocument.Parse(await replica.Client.GetStringAsync($"/api/sessions/{session}/recommendations?n=10"));
        return [.. json.RootElement.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("id").GetString()} {i.GetProperty("score").GetSingle()}")];
    }

    private static Dictionary<(string Session, string Item), long> StoredAnswers(string database)
    {
        using var connection = new Npgsql.NpgsqlConnection(database);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("SELECT session_id, item, count(*) FROM answers GROUP BY session_id, item", connection);
        using var reader = command.ExecuteReader();
        var rows = new Dictionary<(string, string), long>();
        while (reader.Read())
            rows[(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        return rows;
    }
}
