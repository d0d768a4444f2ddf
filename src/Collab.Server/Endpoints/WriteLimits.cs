using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Collab.Server.Endpoints;

/// <summary>Per-client token buckets on the write endpoints (keyed by remote address); a client over its rate gets 429.</summary>
internal static class WriteLimits
{
    public const string Policy = "writes";

    public static void Configure(RateLimiterOptions limiter, int perSecond)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (context, cancel) =>
        {
            context.HttpContext.Response.Headers.RetryAfter = "1";
            await TypedResults.Problem($"At most {perSecond} writes per second per client; try again shortly.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(context.HttpContext);
        };
        limiter.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = 2 * perSecond,
                TokensPerPeriod = perSecond,
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }
}
