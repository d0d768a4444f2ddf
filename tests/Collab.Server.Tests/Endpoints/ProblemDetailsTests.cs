using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Endpoints;

/// <summary>Every 4xx the application answers is <c>application/problem+json</c> with a <c>detail</c> saying what was wrong.</summary>
[Collection(ServerCollection.Name)]
public sealed class ProblemDetailsTests(ServedModelFixture model)
{
    [Theory]
    [InlineData("{\"answers\":[null]}")]
    [InlineData("{\"answers\":[{\"item\":\"ITEM\",\"rating\":4},null]}")]
    public async Task A_null_among_the_answers_is_a_400_with_a_detail_and_nothing_is_stored(string body)
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var id = (await server.PostJsonAsync("/api/sessions", null, 201)).GetProperty("id").GetString();
        using var content = new StringContent(body.Replace("ITEM", model.FirstItem, StringComparison.Ordinal), Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync($"/api/sessions/{id}/answers", content);
        var problem = await RunningServer.ReadAsync(response, 400);
        Assert.Contains("null", Detail(problem), StringComparison.Ordinal);
        var session = await server.GetJsonAsync($"/api/sessions/{id}");
        Assert.Equal(0, session.GetProperty("rated").GetInt32() + session.GetProperty("notSeen").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/users/1/recommendations?n=abc", null, null, 400, "\"abc\"")]
    [InlineData("GET", "/api/users/1/recommendations?n=1e9", null, null, 400, "\"1e9\"")]
    [InlineData("GET", "/api/items/1/similar?n=%00", null, null, 400, "bind parameter")]
    [InlineData("GET", "/no/such/endpoint", null, null, 404, "GET /openapi")]
    [InlineData("DELETE", "/api/sessions", null, null, 405, "DELETE")]
    [InlineData("POST", "/api/sessions/0123456789abcdef0123456789abcdef/answers", "text/plain", "answers", 415, "application/json")]
    [InlineData("POST", "/api/sessions/0123456789abcdef0123456789abcdef/answers", "application/json", "{\"answers\": [", 400, "JSON")]
    [InlineData("POST", "/api/sessions/0123456789abcdef0123456789abcdef/answers", "application/json", "", 400, "body")]
    public async Task Every_4xx_has_a_problem_body_whose_detail_says_what_was_wrong(string method, string path, string? contentType, string? body, int status, string mentioned)
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType is not null)
            request.Content = new StringContent(body ?? "", Encoding.UTF8, contentType);
        using var response = await server.Client.SendAsync(request);
        var problem = await RunningServer.ReadAsync(response, status);
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(mentioned, Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_id_reaches_the_application_and_gets_a_400_with_a_detail()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var problem = await server.GetJsonAsync($"/api/users/{new string('a', 10_000)}/recommendations", 400);
        Assert.Contains("longer than 64 characters", Detail(problem), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_with_a_detail()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var huge = "{\"answers\":[" + string.Join(',', Enumerable.Repeat("{\"item\":\"1\",\"rating\":3}", 5000)) + "]}";
        using var content = new StringContent(huge, Encoding.UTF8, "application/json");
        using var response = await server.Client.PostAsync("/api/sessions/0123456789abcdef0123456789abcdef/answers", content);
        Assert.False(string.IsNullOrWhiteSpace(Detail(await RunningServer.ReadAsync(response, 413))));
    }

    [Fact]
    public async Task A_query_value_that_is_not_a_number_counts_as_a_4xx_in_the_metrics()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        await server.GetJsonAsync("/api/users/1/recommendations?n=abc", 400);
        var metrics = await server.Client.GetStringAsync("/metrics");
        Assert.Contains("collab_http_requests_total{route=\"GET /api/users/{id}/recommendations\",status=\"4xx\"} 1", metrics, StringComparison.Ordinal);
        Assert.DoesNotContain("status=\"5xx\"", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_not_an_object_is_a_400_with_a_detail()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var id = (await server.PostJsonAsync("/api/sessions", null, 201)).GetProperty("id").GetString();
        using var response = await server.Client.PostAsJsonAsync($"/api/sessions/{id}/answers", new { answers = new object[] { 42 } });
        Assert.Contains("JSON", Detail(await RunningServer.ReadAsync(response, 400)), StringComparison.Ordinal);
    }

    private static string Detail(JsonElement problem) =>
        problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
}
