using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;

namespace Collab.Server.Tests.Support;

/// <summary>The real service on Kestrel, listening on a free loopback port, with an HttpClient pointed at it.</summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public static async Task<RunningServer> StartAsync(ServedModelFixture model, string database, Func<CollabServerOptions, CollabServerOptions>? adjust = null)
    {
        var options = new CollabServerOptions
        {
            ModelPath = model.ModelPath,
            Items = model.Items,
            Database = database,
            Urls = "http://127.0.0.1:0",
            AdminToken = AdminToken,
            WritesPerSecond = 1000,
        };
        var app = CollabServer.Build(adjust is null ? options : adjust(options));
        await app.StartAsync();
        return new RunningServer(app, new Uri(app.Urls.Single()));
    }

    public const string AdminToken = "test-admin-token";

    public async Task<JsonElement> GetJsonAsync(string path, int expectedStatus = 200)
    {
        using var response = await Client.GetAsync(path);
        return await ReadAsync(response, expectedStatus);
    }

    public async Task<JsonElement> PostJsonAsync(string path, object? body, int expectedStatus = 200)
    {
        using var response = await Client.PostAsJsonAsync(path, body);
        return await ReadAsync(response, expectedStatus);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, int expectedStatus)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"expected {expectedStatus}, got {(int)response.StatusCode}: {text}");
        if (expectedStatus >= 400)
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
