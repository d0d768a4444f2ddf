using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Collab.Cli.Tests;

public sealed class ServeCommandTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public async Task Serve_listens_where_asked_finds_the_titles_and_answers_the_api()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { CliRunner.CliPath, "serve", models.Sample, "--urls", "http://127.0.0.1:0", "--db", Path.Combine(models.Folder, "serve.db") })
            start.ArgumentList.Add(arg);
        start.Environment["COLLAB_DATA"] = Collab.Tests.Support.SharedData.Path("data");
        using var process = Process.Start(start)!;
        try
        {
            string? line;
            var seen = new List<string>();
            while ((line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60))) is not null && !line.StartsWith("Listening on ", StringComparison.Ordinal))
                seen.Add(line);
            Assert.True(line is not null, "collab serve ended early: " + string.Join('\n', seen));
            Assert.Contains(seen, l => l.Contains("titles of", StringComparison.Ordinal));
            var address = line.Split(' ')[2];
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            using var json = JsonDocument.Parse(await client.GetStringAsync("/api/users/73/recommendations?n=3"));
            var items = json.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(3, items.Count);
            Assert.All(items, i => Assert.False(string.IsNullOrEmpty(i.GetProperty("title").GetString())));
            using var created = await client.PostAsJsonAsync("/api/sessions", new { });
            Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
