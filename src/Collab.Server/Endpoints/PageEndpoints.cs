using System.Reflection;
using Collab.Server.Contracts;
using Collab.Server.Operations;

namespace Collab.Server.Endpoints;

/// <summary>The onboarding page (plain HTML, CSS and JavaScript embedded in the assembly), health and metrics.</summary>
internal static class PageEndpoints
{
    private static readonly (string Path, string Resource, string ContentType)[] Files =
    [
        ("/", "page/index.html", "text/html; charset=utf-8"),
        ("/app.css", "page/app.css", "text/css; charset=utf-8"),
        ("/app.js", "page/app.js", "text/javascript; charset=utf-8"),
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (path, resource, contentType) in Files)
        {
            var bytes = Read(resource);
            app.MapGet(path, () => TypedResults.Bytes(bytes, contentType)).ExcludeFromDescription();
        }
        app.MapGet("/health", (ModelHolder models) => TypedResults.Ok(ModelStatus.Of(models.Current)))
            .WithTags("operations").WithSummary("Whether the service is up, and which model it serves (file, SHA-256, when written and loaded).");
        app.MapGet("/metrics", (RequestMetrics metrics) => TypedResults.Text(metrics.Render(), "text/plain; version=0.0.4"))
            .WithTags("operations").WithSummary("Request counts and latencies per route (Prometheus text format).");
    }

    private static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The page resource '{resource}' is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
