using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Endpoints;

[Collection(ServerCollection.Name)]
public sealed class SessionApiTests(ServedModelFixture model)
{
    [Fact]
    public async Task A_visitor_answers_two_rounds_and_gets_recommendations_without_the_rated_items()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var id = await NewSession(server);
        var first = Ids(await server.GetJsonAsync($"/api/sessions/{id}/questions?n=5"));
        Assert.Equal(5, first.Count);
        Assert.Equal(first, Ids(await server.GetJsonAsync($"/api/sessions/{id}/questions?n=5"))); // the open round, again
        await server.PostJsonAsync($"/api/sessions/{id}/answers", Answers(first, rated: 3));
        var second = Ids(await server.GetJsonAsync($"/api/sessions/{id}/questions?n=5"));
        Assert.Equal(5, second.Count);
        Assert.Empty(second.Intersect(first));
        var session = await server.PostJsonAsync($"/api/sessions/{id}/answers", Answers(second, rated: 2));
        Assert.Equal(5, session.GetProperty("rated").GetInt32());
        Assert.Equal(5, session.GetProperty("notSeen").GetInt32());
        Assert.Equal(2, session.GetProperty("rounds").GetInt32());
        var recommendations = await server.GetJsonAsync($"/api/sessions/{id}/recommendations?n=10");
        var items = recommendations.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(10, items.Count);
        Assert.Empty(items.Select(i => i.GetProperty("id").GetString()).Intersect(first.Take(3).Concat(second.Take(2))));
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task Answers_survive_a_restart_of_the_server()
    {
        var database = model.NewDatabase();
        string id;
        List<string> asked;
        await using (var server = await RunningServer.StartAsync(model, database))
        {
            id = await NewSession(server);
            asked = Ids(await server.GetJsonAsync($"/api/sessions/{id}/questions?n=4"));
            await server.PostJsonAsync($"/api/sessions/{id}/answers", Answers(asked, rated: 2));
        }
        await using (var restarted = await RunningServer.StartAsync(model, database))
        {
            var session = await restarted.GetJsonAsync($"/api/sessions/{id}");
            Assert.Equal(2, session.GetProperty("rated").GetInt32());
            Assert.Equal(2, session.GetProperty("notSeen").GetInt32());
            var next = Ids(await restarted.GetJsonAsync($"/api/sessions/{id}/questions?n=4"));
            Assert.Empty(next.Intersect(asked));
        }
    }

    [Fact]
    public async Task Bad_answers_get_4xx_and_nothing_is_stored()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var id = await NewSession(server);
        var path = $"/api/sessions/{id}/answers";
        await server.PostJsonAsync(path, new { answers = new[] { new { item = model.FirstItem, rating = 7.5 } } }, 400);
        await server.PostJsonAsync(path, new { answers = new[] { new { item = model.FirstItem, rating = 0.0 } } }, 400);
        await server.PostJsonAsync(path, new { answers = new[] { new { item = model.FirstItem } } }, 400);
        await server.PostJsonAsync(path, new { answers = new[] { new { item = "no-such-item", rating = 4.0 } } }, 404);
        await server.PostJsonAsync(path, new { answers = Array.Empty<object>() }, 400);
        await server.PostJsonAsync(path, new { answers = Enumerable.Repeat(new { item = model.FirstItem, rating = 3.0 }, 101) }, 400);
        await server.PostJsonAsync("/api/sessions/0123456789abcdef0123456789abcdef/answers", new { answers = new[] { new { item = model.FirstItem, rating = 4.0 } } }, 404);
        using (var malformed = await server.Client.PostAsync(path, new StringContent("{\"answers\": [", Encoding.UTF8, "application/json")))
            await RunningServer.ReadAsync(malformed, 400);
        var huge = "{\"answers\":[" + string.Join(',', Enumerable.Repeat($"{{\"item\":\"{model.FirstItem}\",\"rating\":3}}", 5000)) + "]}";
        using (var tooLarge = await server.Client.PostAsync(path, new StringContent(huge, Encoding.UTF8, "application/json")))
            await RunningServer.ReadAsync(tooLarge, 413);
        var session = await server.GetJsonAsync($"/api/sessions/{id}");
        Assert.Equal(0, session.GetProperty("rated").GetInt32() + session.GetProperty("notSeen").GetInt32());
    }

    [Fact]
    public async Task Write_endpoints_are_rate_limited_per_client()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase(), o => o with { WritesPerSecond = 1 });
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 6; i++)
        {
            using var response = await server.Client.PostAsync("/api/sessions", null);
            statuses.Add(response.StatusCode);
        }
        Assert.Contains(HttpStatusCode.Created, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        await server.GetJsonAsync($"/api/users/{model.FirstUser}/recommendations"); // reads are not limited
    }

    [Fact]
    public async Task Reload_needs_the_token_and_swaps_the_model_while_requests_keep_succeeding()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        await server.PostJsonAsync("/admin/reload", new { }, 401);
        var readers = Enumerable.Range(0, 4).Select(async _ =>
        {
            for (int i = 0; i < 50; i++)
                await server.GetJsonAsync($"/api/users/{model.FirstUser}/recommendations?n=3");
        }).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/reload") { Content = JsonContent.Create(new { path = model.ModelPath }) };
        request.Headers.Authorization = new("Bearer", RunningServer.AdminToken);
        using var reloaded = await server.Client.SendAsync(request);
        var body = await RunningServer.ReadAsync(reloaded, 200);
        Assert.Equal(model.ModelPath, body.GetProperty("model").GetString());
        await Task.WhenAll(readers);
        using var bad = new HttpRequestMessage(HttpMethod.Post, "/admin/reload") { Content = JsonContent.Create(new { path = "/no/such/model.collab" }) };
        bad.Headers.Authorization = new("Bearer", RunningServer.AdminToken);
        using var failed = await server.Client.SendAsync(bad);
        await RunningServer.ReadAsync(failed, 404);
        await server.GetJsonAsync($"/api/users/{model.FirstUser}/recommendations?n=3");
    }

    private static async Task<string> NewSession(RunningServer server) =>
        (await server.PostJsonAsync("/api/sessions", null, 201)).GetProperty("id").GetString()!;

    private static List<string> Ids(JsonElement round) =>
        [.. round.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()!)];

    // The first `rated` items get 5, 4, 3... stars; the rest are "not seen".
    private static object Answers(List<string> items, int rated) => new
    {
        answers = items.Select((item, i) => i < rated
            ? (object)new { item, rating = 5.0 - i }
            : new { item, notSeen = true }),
    };
}
