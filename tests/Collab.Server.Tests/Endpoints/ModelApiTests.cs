using System.Text.Json;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Endpoints;

[Collection(ServerCollection.Name)]
public sealed class ModelApiTests(ServedModelFixture model)
{
    [Fact]
    public async Task Recommendations_for_a_trained_user_have_titles_scores_and_reasons()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var body = await server.GetJsonAsync($"/api/users/{model.FirstUser}/recommendations?n=5");
        var items = body.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("title").GetString())));
        Assert.All(items, i => Assert.StartsWith("People who liked", i.GetProperty("reason").GetString(), StringComparison.Ordinal));
        var scores = items.Select(i => i.GetProperty("score").GetSingle()).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
    }

    [Fact]
    public async Task Recommendations_never_repeat_what_a_user_has_seen_unless_asked()
    {
        var trained = Collab.Persistence.TrainedModel.Load(model.ModelPath);
        int user = Enumerable.Range(1, trained.Users.Count - 1).First(u => trained.HeldOut.CountOf(u) > 0 && trained.Interactions.CountOf(u) > 0);
        var seen = trained.Interactions.ItemsOf(user).ToArray().Concat(trained.HeldOut.ItemsOf(user).ToArray()).Select(i => trained.Items[i]).ToHashSet();
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var unseen = await server.GetJsonAsync($"/api/users/{trained.Users[user]}/recommendations?n=100");
        var ids = unseen.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(ids);
        Assert.Empty(ids.Intersect(seen));
        var all = await server.GetJsonAsync($"/api/users/{trained.Users[user]}/recommendations?n=100&includeSeen=true");
        Assert.NotEmpty(all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).Intersect(seen));
    }

    [Fact]
    public async Task Ten_reasons_do_not_name_the_same_two_liked_movies_over_and_over()
    {
        var trained = Collab.Persistence.TrainedModel.Load(model.ModelPath);
        int user = Enumerable.Range(1, trained.Users.Count - 1)
            .MaxBy(u => trained.Interactions.RatingsOf(u).ToArray().Count(r => r >= 4));
        int liked = trained.Interactions.RatingsOf(user).ToArray().Count(r => r >= 4);
        Assert.True(liked >= 10, $"the busiest user liked only {liked} items");
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var body = await server.GetJsonAsync($"/api/users/{trained.Users[user]}/recommendations?n=10");
        var reasons = body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("reason").GetString()!).ToList();
        Assert.True(reasons.Count >= 5, $"only {reasons.Count} recommendations");
        // Each reason names two liked titles; none may be named in more than its fair share (2 x 10 / liked, at least 2).
        int share = Math.Max(2, (int)Math.Ceiling(2.0 * reasons.Count / Math.Min(liked, 100)));
        var titles = reasons.SelectMany(r => r["People who liked ".Length..^" also liked this".Length].Split(" and ")).ToList();
        Assert.All(titles.GroupBy(t => t), g => Assert.True(g.Count() <= share, $"'{g.Key}' is named {g.Count()} times"));
        Assert.True(reasons.Distinct().Count() > reasons.Count / 2, string.Join("\n", reasons));
    }

    [Fact]
    public async Task Similar_items_predictions_and_item_details_answer_for_trained_ids()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var similar = await server.GetJsonAsync($"/api/items/{model.FirstItem}/similar?n=3");
        Assert.Equal(3, similar.GetProperty("items").GetArrayLength());
        var prediction = await server.GetJsonAsync($"/api/predict?user={model.FirstUser}&item={model.FirstItem}");
        Assert.InRange(prediction.GetProperty("rating").GetSingle(), 0f, 5.5f);
        var item = await server.GetJsonAsync($"/api/items/{model.FirstItem}");
        Assert.Equal(model.Items.TitleOf(model.FirstItem), item.GetProperty("title").GetString());
        Assert.True(item.GetProperty("ratings").GetInt32() > 0);
        Assert.NotEqual(JsonValueKind.Undefined, item.GetProperty("bias").ValueKind);
    }

    [Theory]
    [InlineData("/api/users/no-such-user/recommendations")]
    [InlineData("/api/items/no-such-item/similar")]
    [InlineData("/api/items/no-such-item")]
    [InlineData("/api/predict?user=no-such-user&item=1")]
    [InlineData("/api/sessions/0123456789abcdef0123456789abcdef")]
    public async Task Unknown_ids_get_404_with_a_problem_body(string path)
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var problem = await server.GetJsonAsync(path, 404);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
    }

    [Theory]
    [InlineData("/api/users/1/recommendations?n=0")]
    [InlineData("/api/users/1/recommendations?n=101")]
    [InlineData("/api/users/1/recommendations?n=ten")]
    [InlineData("/api/items/1/similar?n=-3")]
    [InlineData("/api/predict?user=1")]
    [InlineData("/api/sessions/not-a-session-id")]
    [InlineData("/api/sessions/not-a-session-id/questions")]
    public async Task Malformed_or_out_of_range_queries_get_400(string path)
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        await server.GetJsonAsync(path, 400);
    }

    [Fact]
    public async Task Health_metrics_and_openapi_describe_the_service()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var health = await server.GetJsonAsync("/health");
        Assert.Equal("ok", health.GetProperty("status").GetString());
        await server.GetJsonAsync($"/api/users/{model.FirstUser}/recommendations");
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("collab_http_requests_total{route=\"GET /api/users/{id}/recommendations\",status=\"2xx\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("collab_http_request_duration_seconds_bucket", metrics, StringComparison.Ordinal);
        var openApi = await server.GetJsonAsync("/openapi");
        var paths = openApi.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/sessions/{id}/answers", out _));
        Assert.True(paths.TryGetProperty("/api/users/{id}/recommendations", out _));
    }
}
