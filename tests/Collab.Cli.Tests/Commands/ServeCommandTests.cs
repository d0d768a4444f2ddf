using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Collab.Cli.Tests.Support;
using Collab.Server.Tests.Support;

namespace Collab.Cli.Tests.Commands;

public sealed class ServeCommandTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public async Task Serve_listens_where_asked_finds_the_titles_and_answers_the_api()
    {
        await using var serve = await ServeProcess.StartAsync(models.Sample, Path.Combine(models.Folder, "serve.db"));
        Assert.Contains(serve.StartupLines, l => l.Contains("titles of", StringComparison.Ordinal));
        using var client = new HttpClient { BaseAddress = serve.Address };
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/users/73/recommendations?n=3"));
        var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("title").GetString())));
        using var created = await client.PostAsJsonAsync("/api/sessions", new { });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
    }

    [Fact]
    public async Task Serve_with_a_trusted_proxy_gives_each_forwarded_client_its_own_write_bucket()
    {
        // The test's loopback connection plays the proxy; one write per second, a burst of two.
        await using var serve = await ServeProcess.StartAsync(models.Sample, Path.Combine(models.Folder, "proxied.db"), "--trusted-proxy", "127.0.0.1", "--write-rate", "1");
        using var client = new HttpClient { BaseAddress = serve.Address };
        var first = await NewSessionsAsync(client, "198.51.100.1", 5);
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.All(await NewSessionsAsync(client, "198.51.100.2", 2), s => Assert.Equal(HttpStatusCode.Created, s));
    }

    [Theory]
    [InlineData("--trusted-proxy", "proxy.example", "'proxy.example' is neither an IP address")]
    [InlineData("--max-model-mb", "4096", "--max-model-mb")]
    public void Serve_refuses_a_bad_setting_in_one_line_before_listening(string option, string value, string expected)
    {
        var result = CliRunner.Run("serve", models.Sample, "--urls", "http://127.0.0.1:0", "--db", Path.Combine(models.Folder, "refused.db"), option, value);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain("Listening on", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_who_bought_what_file_trains_recommends_unseen_items_and_serves_a_visitors_round()
    {
        var purchases = Path.Combine(models.Folder, "purchases.csv");
        File.WriteAllLines(purchases, ["user,item", .. PurchaseLines()]);
        var model = Path.Combine(models.Folder, "purchases.collab");
        var train = CliRunner.Run("train", purchases, "--out", model);
        Assert.Equal(0, train.ExitCode);
        Assert.Contains("No rating column", train.Output, StringComparison.Ordinal);
        Assert.Contains("valid NDCG@10", train.Output, StringComparison.Ordinal);
        var bought = File.ReadAllLines(purchases).Skip(1).Where(l => l.StartsWith("c7,", StringComparison.Ordinal)).Select(l => l.Split(',')[1]).ToHashSet();
        var recommend = CliRunner.Run("recommend", model, "--user", "c7", "-n", "5", "--json");
        Assert.Equal(0, recommend.ExitCode);
        using var json = JsonDocument.Parse(recommend.Output);
        var ids = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(5, ids.Count);
        Assert.Empty(ids.Intersect(bought));

        await using var serve = await ServeProcess.StartAsync(model, Path.Combine(models.Folder, "purchases.db"));
        using var client = new HttpClient { BaseAddress = serve.Address };
        using var served = JsonDocument.Parse(await client.GetStringAsync("/api/users/c7/recommendations?n=5"));
        Assert.Equal(ids, served.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList());
        using var created = await client.PostAsJsonAsync("/api/sessions", new { });
        var session = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var round = JsonDocument.Parse(await client.GetStringAsync($"/api/sessions/{session}/questions?n=4"));
        var asked = round.RootElement.GetProperty("questions").EnumerateArray().Select(q => q.GetProperty("id").GetString()!).ToList();
        Assert.Equal(4, asked.Count);
        using var answered = await client.PostAsJsonAsync($"/api/sessions/{session}/answers",
            new { answers = asked.Select((item, i) => i < 2 ? (object)new { item, rating = 5.0 } : new { item, notSeen = true }) });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        using var forVisitor = JsonDocument.Parse(await client.GetStringAsync($"/api/sessions/{session}/recommendations?n=5"));
        var visitorItems = forVisitor.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(5, visitorItems.Count);
        Assert.Empty(visitorItems.Intersect(asked.Take(2)));
    }

    [Fact]
    public async Task An_ease_model_serves_trained_users_and_says_in_one_problem_why_onboarding_is_off()
    {
        var purchases = Path.Combine(models.Folder, "purchases-ease.csv");
        File.WriteAllLines(purchases, ["user,item", .. PurchaseLines()]);
        var model = Path.Combine(models.Folder, "purchases.ease.collab");
        Assert.Equal(0, CliRunner.Run("train", purchases, "--model", "ease", "--out", model).ExitCode);
        await using var serve = await ServeProcess.StartAsync(model, Path.Combine(models.Folder, "ease.db"));
        Assert.Contains(serve.StartupLines, l => l.StartsWith("Onboarding and similar items are off", StringComparison.Ordinal));
        using var client = new HttpClient { BaseAddress = serve.Address };
        using var served = JsonDocument.Parse(await client.GetStringAsync("/api/users/c7/recommendations?n=5"));
        Assert.Equal(5, served.RootElement.GetProperty("items").GetArrayLength());
        foreach (var refused in new[] { await client.PostAsJsonAsync("/api/sessions", new { }), await client.GetAsync("/api/items/p3/similar?n=3") })
        {
            Assert.Equal(HttpStatusCode.NotImplemented, refused.StatusCode);
            using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
            Assert.Contains("needs a factor model", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    // 120 customers in four taste groups, each buying mostly within their group's 30 products.
    private static IEnumerable<string> PurchaseLines()
    {
        var random = new Random(5);
        var lines = new HashSet<string>();
        for (int c = 0; c < 120; c++)
        {
            int group = c % 4;
            for (int k = 0; k < 12; k++)
                lines.Add($"c{c},p{(random.NextDouble() < 0.85 ? group * 30 + random.Next(30) : random.Next(120))}");
        }
        return lines;
    }

    private static async Task<List<HttpStatusCode>> NewSessionsAsync(HttpClient client, string forwardedFor, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sessions");
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            using var response = await client.SendAsync(request);
            statuses.Add(response.StatusCode);
        }
        return statuses;
    }
}
