using System.Diagnostics;

namespace Collab.Server.Tests.Support;

/// <summary>
/// A running <c>collab serve</c> process (Collab.Cli.dll beside the tests) on a free loopback port: a separate
/// operating-system process, as a replica in production is. Killed on dispose; <see cref="Kill"/> is <c>kill -9</c>.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServeProcess(Process process, Uri address, List<string> startupLines)
    {
        _process = process;
        Address = address;
        StartupLines = startupLines;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public List<string> StartupLines { get; }

    public static async Task<ServeProcess> StartAsync(string model, string database, params string[] options)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Collab.Cli.dll"), "serve", model, "--urls", "http://127.0.0.1:0", "--db", database }.Concat(options))
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
            // Keep reading, so that the server's log lines never fill the pipe and block it.
            _ = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            return new ServeProcess(process, new Uri(line.Split(' ')[2]), seen);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>SIGKILL: the process ends at once, with requests in flight, and no chance to clean up.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
