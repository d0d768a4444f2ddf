using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Collab.Tests.Support;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Endpoints;

/// <summary><c>POST /admin/reload</c>: the token first, then only regular model files under the size cap, and one answer for every refusal.</summary>
[Collection(ServerCollection.Name)]
public sealed class ReloadTests(ServedModelFixture model) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(null, "application/json", "{\"path\": ")]
    [InlineData("Bearer wrong-token-1", "application/json", "{\"path\": ")]
    [InlineData(null, "text/plain", "path")]
    public async Task Reload_without_the_right_token_is_a_401_whatever_the_body(string? authorization, string contentType, string body)
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/reload") { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var response = await server.Client.SendAsync(request);
        var problem = await RunningServer.ReadAsync(response, 401);
        Assert.Contains("Bearer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_answers_not_found_alike_for_a_device_a_fifo_a_folder_a_non_model_and_a_missing_file()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var fifo = _folder.Combine("model.fifo");
        MakeFifo(fifo);
        var linkToDevice = _folder.Combine("zero.collab");
        File.CreateSymbolicLink(linkToDevice, "/dev/zero");
        var refused = new[] { "/dev/zero", fifo, linkToDevice, _folder.Path, _folder.File("notes.collab", "not a model"), _folder.Combine("missing.collab") };
        var details = new List<string>();
        foreach (var path in refused)
        {
            var problem = await ReloadAsync(server, path, 404);
            Assert.Equal("Not found", problem.GetProperty("title").GetString());
            details.Add(problem.GetProperty("detail").GetString()!);
        }
        Assert.Single(details.Distinct());
        Assert.DoesNotContain(details, d => refused.Any(p => d.Contains(p, StringComparison.Ordinal)));
        // The fifo did not leave a reload waiting: the next one goes through at once.
        var reloaded = await ReloadAsync(server, model.ModelPath, 200);
        Assert.Equal(model.ModelPath, reloaded.GetProperty("model").GetString());
        await server.GetJsonAsync($"/api/users/{model.FirstUser}/recommendations?n=3");
    }

    [Fact]
    public async Task Reload_refuses_a_model_over_the_size_cap_as_not_found_and_takes_it_under_the_cap()
    {
        long size = new FileInfo(model.ModelPath).Length;
        await using (var capped = await RunningServer.StartAsync(model, model.NewDatabase(), o => o with { MaxModelBytes = size - 1 }))
            await ReloadAsync(capped, model.ModelPath, 404);
        await using var roomy = await RunningServer.StartAsync(model, model.NewDatabase(), o => o with { MaxModelBytes = size });
        await ReloadAsync(roomy, model.ModelPath, 200);
    }

    [Fact]
    public async Task Reload_follows_a_symbolic_link_to_a_model_file()
    {
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase());
        var link = _folder.Combine("current.collab");
        File.CreateSymbolicLink(link, model.ModelPath);
        var reloaded = await ReloadAsync(server, link, 200);
        Assert.Equal(link, reloaded.GetProperty("model").GetString());
    }

    private static async Task<JsonElement> ReloadAsync(RunningServer server, string path, int expectedStatus)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/reload") { Content = JsonContent.Create(new { path }) };
        request.Headers.Authorization = new("Bearer", RunningServer.AdminToken);
        using var timeout = new CancellationTokenSource(Patience);
        using var response = await server.Client.SendAsync(request, timeout.Token);
        return await RunningServer.ReadAsync(response, expectedStatus);
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
