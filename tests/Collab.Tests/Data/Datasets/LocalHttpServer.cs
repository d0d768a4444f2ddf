using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Collab.Tests.Data.Datasets;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 and a free port, for download tests without internet. It answers GETs
/// from a table of paths (404 otherwise), closes each connection after one response, and logs request paths.
/// Raw sockets rather than HttpListener so a test can also omit Content-Length.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, (byte[] Body, bool SendLength)> _routes = new();
    private readonly Task _loop;

    public LocalHttpServer()
    {
        _listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = AcceptLoopAsync();
    }

    public Uri BaseUrl { get; }

    public ConcurrentQueue<string> Requests { get; } = new();

    public void Serve(string path, byte[] body, bool sendLength = true) => _routes["/" + path.TrimStart('/')] = (body, sendLength);

    public void Serve(string path, string body) => Serve(path, Encoding.ASCII.GetBytes(body));

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The accept loop ends by cancellation; nothing to report.
        }
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(client));
        }
    }

    private async Task HandleAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var path = await ReadRequestPathAsync(stream);
                Requests.Enqueue(path);
                var found = _routes.TryGetValue(path, out var route);
                var body = found ? route.Body : Encoding.ASCII.GetBytes("not found");
                var head = new StringBuilder()
                    .Append(found ? "HTTP/1.1 200 OK\r\n" : "HTTP/1.1 404 Not Found\r\n")
                    .Append("Content-Type: application/octet-stream\r\n")
                    .Append(!found || route.SendLength ? $"Content-Length: {body.Length}\r\n" : "")
                    .Append("Connection: close\r\n\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), _stop.Token);
                await stream.WriteAsync(body, _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
            {
                // The client went away (e.g. a cancelled download); that is what some tests do on purpose.
            }
        }
    }

    private static async Task<string> ReadRequestPathAsync(NetworkStream stream)
    {
        // Read until the blank line that ends the headers; a GET has no body.
        var received = new List<byte>();
        var buffer = new byte[1024];
        while (!EndsWithBlankLine(received))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
                break;
            received.AddRange(buffer.AsSpan(0, read));
        }
        var requestLine = Encoding.ASCII.GetString([.. received]).Split("\r\n")[0];
        return requestLine.Split(' ') is [_, var path, ..] ? path : "/";
    }

    private static bool EndsWithBlankLine(List<byte> bytes) =>
        bytes.Count >= 4 && bytes[^4] == '\r' && bytes[^3] == '\n' && bytes[^2] == '\r' && bytes[^1] == '\n';
}
