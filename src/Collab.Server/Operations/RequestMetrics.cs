using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Collab.Server.Operations;

/// <summary>Counts requests and their latencies per route (method and route pattern), for <c>GET /metrics</c>.</summary>
internal sealed class RequestMetrics
{
    private readonly ConcurrentDictionary<string, RouteStats> _routes = new(StringComparer.Ordinal);

    /// <summary>Middleware: times every request after routing, so the key is the route pattern, not the raw path.</summary>
    public async Task Measure(HttpContext context, RequestDelegate next)
    {
        long start = Stopwatch.GetTimestamp();
        int? failed = null;
        try
        {
            await next(context);
        }
        catch (Exception e)
        {
            // A request that does not bind throws BadHttpRequestException and is answered with its 4xx, not a 500.
            failed = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            throw;
        }
        finally
        {
            var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unmatched)";
            var key = context.Request.Method + " " + pattern;
            _routes.GetOrAdd(key, _ => new RouteStats()).Record(failed ?? context.Response.StatusCode, Stopwatch.GetElapsedTime(start));
        }
    }

    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine("# HELP collab_http_requests_total Requests by route and status class.");
        text.AppendLine("# TYPE collab_http_requests_total counter");
        var routes = _routes.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        foreach (var (route, stats) in routes)
        {
            for (int c = 1; c <= 5; c++)
            {
                if (stats.ByClass(c) > 0)
                    Line(text, $"collab_http_requests_total{{route=\"{route}\",status=\"{c}xx\"}}", stats.ByClass(c));
            }
        }
        text.AppendLine("# HELP collab_http_request_duration_seconds Time from routing to the end of the response.");
        text.AppendLine("# TYPE collab_http_request_duration_seconds histogram");
        foreach (var (route, stats) in routes)
        {
            long cumulative = 0;
            for (int b = 0; b <= RouteStats.Bounds.Length; b++)
            {
                cumulative += stats.Bucket(b);
                var le = b < RouteStats.Bounds.Length ? RouteStats.Bounds[b].ToString(CultureInfo.InvariantCulture) : "+Inf";
                Line(text, $"collab_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{le}\"}}", cumulative);
            }
            Line(text, $"collab_http_request_duration_seconds_sum{{route=\"{route}\"}}", stats.Seconds);
            Line(text, $"collab_http_request_duration_seconds_count{{route=\"{route}\"}}", stats.Count);
        }
        text.AppendLine("# p50 and p99 per route, as the upper bound of the histogram bucket that holds them:");
        foreach (var (route, stats) in routes)
            text.AppendLine(CultureInfo.InvariantCulture, $"# {route}: p50 <= {stats.Quantile(0.5) * 1000} ms, p99 <= {stats.Quantile(0.99) * 1000} ms");
        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, double value) =>
        text.Append(name).Append(' ').AppendLine(value.ToString(CultureInfo.InvariantCulture));
}
