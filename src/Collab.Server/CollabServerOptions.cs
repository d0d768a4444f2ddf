using Collab.Data;
using Collab.Persistence;
using Collab.Recommend.Approximate;
using Collab.Server.Operations;

namespace Collab.Server;

/// <summary>Settings of the recommendation service started by <see cref="CollabServer.Build"/>.</summary>
public sealed record CollabServerOptions
{
    /// <summary>The model file to serve; <c>POST /admin/reload</c> re-reads it (or another file it names).</summary>
    public required string ModelPath { get; init; }

    /// <summary>
    /// Where visitors' sessions and answers live, created or migrated at start-up: a SQLite file path, or a PostgreSQL
    /// connection string (<c>postgres://user:pw@host:5432/db</c> or <c>Host=..;Database=..</c>) that several replicas share.
    /// </summary>
    public required string Database { get; init; }

    /// <summary>The model already read from <see cref="ModelPath"/>, to avoid reading it twice. <value>Default: null (read at start-up).</value></summary>
    public TrainedModel? Model { get; init; }

    /// <summary>Titles and genres of the items. <value>Default: null (results show ids only).</value></summary>
    public ItemCatalog? Items { get; init; }

    /// <summary>
    /// When recommendations and similar items go through the approximate index, and its settings; with an
    /// <see cref="ApproximateOptions.IndexPath"/>, each served model's indexes are kept beside its file (a reload of
    /// another file keeps them beside that one). <value>Default: <see cref="ApproximateOptions.Default"/> (the index from 200,000 trained items).</value>
    /// </summary>
    public ApproximateOptions Approximate { get; init; } = ApproximateOptions.Default;

    /// <summary>Addresses to listen on; port 0 picks a free port. <value>Default: http://127.0.0.1:5080.</value></summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Bearer token that <c>POST /admin/reload</c> requires. <value>Default: null (the endpoint is not mapped).</value></summary>
    public string? AdminToken { get; init; }

    /// <summary>Writes (new sessions, answers, reloads) each client may make per second, with twice that as a burst. <value>Default: 20.</value></summary>
    public int WritesPerSecond { get; init; } = 20;

    /// <summary>
    /// Reverse proxies (addresses such as 10.0.0.5, or networks such as 10.0.0.0/8) whose <c>X-Forwarded-For</c> names
    /// the client, so that write limits apply per visitor behind them; the header from any other peer is ignored.
    /// <value>Default: none (every client is its connection's remote address).</value>
    /// </summary>
    public IReadOnlyList<string> TrustedProxies { get; init; } = [];

    /// <summary>Largest request body accepted; larger ones get 413. <value>Default: 64 KiB.</value></summary>
    public long MaxRequestBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// Largest model file <c>POST /admin/reload</c> reads; a larger one is refused before any of it is read.
    /// <value>Default: 1 GiB (ml-latest-small's model with 50 factors is 2.7 MB; by the file format, one of ML-25M about 250 MB).</value>
    /// </summary>
    public long MaxModelBytes { get; init; } = 1L << 30;

    /// <summary>
    /// Whether to watch <see cref="ModelPath"/> and swap in a new file there once it reads as a valid model (a file system
    /// watcher, and a poll every <see cref="ModelPollInterval"/> for file systems that raise no events). <value>Default: false.</value>
    /// </summary>
    public bool WatchModel { get; init; }

    /// <summary>How often a watched model path is polled for a change. <value>Default: 5 seconds.</value></summary>
    public TimeSpan ModelPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Lowest and highest rating a visitor can give. <value>Default: 0.5 to 5 (MovieLens stars).</value></summary>
    public (float Low, float High) RatingScale { get; init; } = (0.5f, 5f);

    /// <summary>Checks the values.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ModelPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(Database);
        ArgumentException.ThrowIfNullOrWhiteSpace(Urls);
        ArgumentOutOfRangeException.ThrowIfLessThan(WritesPerSecond, 1);
        ArgumentNullException.ThrowIfNull(Approximate);
        Approximate.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRequestBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfLessThan(ModelPollInterval, TimeSpan.FromMilliseconds(100));
        if (MaxModelBytes < 1 || MaxModelBytes > Array.MaxLength)
        {
            throw new ArgumentException($"The cap on model files (MaxModelBytes, --max-model-mb) must be between 1 byte and {Array.MaxLength:N0} bytes "
                + $"(2047 MiB), as a model file is read into one array; got {MaxModelBytes:N0}.");
        }
        if (!(RatingScale.Low < RatingScale.High))
            throw new ArgumentException("The rating scale's low end must be below its high end.");
        ArgumentNullException.ThrowIfNull(TrustedProxies);
        if (TrustedProxies.FirstOrDefault(p => !ForwardedClients.IsValidProxy(p)) is { } bad)
            throw new ArgumentException($"The trusted proxy '{bad}' is neither an IP address (10.0.0.5) nor a network (10.0.0.0/8).");
        if (AdminToken is { Length: < 8 })
            throw new ArgumentException("The admin token must be at least 8 characters.");
    }
}
