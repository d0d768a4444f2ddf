using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collab.Cli.Tests;

public sealed class ServeCommandTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public async Task Serve_listens_where_asked_finds_the_titles_and_answers_the_api()
    {
        await using var serve = await Serve.StartAsync(models, "serve.db");
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
        await using var serve = await Serve.StartAsync(models, "proxied.db", "--trusted-proxy", "127.0.0.1", "--write-rate", "1");
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

    /// <summary>A running <c>collab serve</c> process on a free loopback port, killed on dispose.</summary>
    private sealed class Serve : IAsyncDisposable
    {
        private readonly Process _process;

        private Serve(Process process, Uri address, List<string> startupLines)
        {
            _process = process;
            Address = address;
            StartupLines = startupLines;
        }

        public Uri Address { get; }

        public List<string> StartupLines { get; }

        public static async Task<Serve> StartAsync(TrainedModels models, string database, params string[] options)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[] { CliRunner.CliPath, "serve", models.Sample, "--urls", "http://127.0.0.1:0", "--db", Path.Combine(models.Folder, database) }.Concat(options))
                start.ArgumentList.Add(arg);
            start.Environment["COLLAB_DATA"] = Collab.Tests.Support.SharedData.Path("data");
            var process = Process.Start(start)!;
            try
            {
                string? line;
                var seen = new List<string>();
                while ((line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))) is not null && !line.StartsWith("Listening on ", StringComparison.Ordinal))
                    seen.Add(line);
                Assert.True(line is not null, "collab serve ended early: " + string.Join('\n', seen));
                return new Serve(process, new Uri(line.Split(' ')[2]), seen);
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
