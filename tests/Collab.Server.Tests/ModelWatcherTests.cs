using System.Security.Cryptography;
using System.Text.Json;
using Collab.Server.Tests.Support;
using Collab.Tests.Support;

namespace Collab.Server.Tests;

/// <summary>Rolling a model out: replicas watching one path swap in a new file once it verifies, and /health says which they serve.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ModelWatcherTests(PostgresServer postgres, ServedModelFixture model) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Two_replicas_watching_one_model_path_converge_on_the_new_checksum_after_an_atomic_replace()
    {
        var served = _folder.Combine("served.collab");
        File.Copy(model.ModelPath, served);
        var database = postgres.NewDatabase();
        await using var a = await ServeProcess.StartAsync(served, database, "--watch-model");
        await using var b = await ServeProcess.StartAsync(served, database, "--watch-model", "--watch-interval", "0.5");
        foreach (var replica in new[] { a, b })
            Assert.Equal(Sha256(model.ModelPath), (await HealthAsync(replica.Client)).GetProperty("checksum").GetString());

        // Written beside the served file, then renamed over it: a reader sees the old file or the new one, never half.
        var staged = _folder.Combine("served.collab.tmp");
        File.Copy(model.OtherModelPath, staged);
        File.Move(staged, served, overwrite: true);

        var expected = Sha256(model.OtherModelPath);
        foreach (var replica in new[] { a, b })
        {
            var health = await WaitForChecksumAsync(replica.Client, expected);
            Assert.Equal(File.GetLastWriteTimeUtc(served), health.GetProperty("createdAt").GetDateTimeOffset().UtcDateTime);
        }
        var predictions = new List<string>();
        foreach (var replica in new[] { a, b })
            predictions.Add(await replica.Client.GetStringAsync($"/api/predict?user={model.FirstUser}&item={model.FirstItem}"));
        Assert.Single(predictions.Distinct());
    }

    [Fact]
    public async Task A_half_written_model_file_is_not_served_and_the_whole_file_is_once_it_lands()
    {
        var served = _folder.Combine("in-place.collab");
        File.Copy(model.ModelPath, served);
        await using var server = await RunningServer.StartAsync(model, model.NewDatabase(),
            o => o with { ModelPath = served, WatchModel = true, ModelPollInterval = TimeSpan.FromMilliseconds(200) });
        var before = Sha256(served);
        var next = await File.ReadAllBytesAsync(model.OtherModelPath);

        // Written in place, without a rename: for a while the path holds only the first half of the new model.
        await File.WriteAllBytesAsync(served, next[..(next.Length / 2)]);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(before, (await HealthAsync(server.Client)).GetProperty("checksum").GetString());
        await server.GetJsonAsync($"/api/users/{model.FirstUser}/recommendations?n=3");

        await File.WriteAllBytesAsync(served, next);
        await WaitForChecksumAsync(server.Client, Sha256(model.OtherModelPath));
    }

    private static async Task<JsonElement> WaitForChecksumAsync(HttpClient client, string checksum)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(Patience.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (true)
        {
            var health = await HealthAsync(client);
            if (health.GetProperty("checksum").GetString() == checksum)
                return health;
            Assert.True(TimeProvider.System.GetTimestamp() < deadline, $"{client.BaseAddress} still serves {health.GetProperty("checksum")} after {Patience.TotalSeconds} s, not {checksum}.");
            await Task.Delay(100);
        }
    }

    private static async Task<JsonElement> HealthAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/health"));
        return json.RootElement.Clone();
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
