using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Collab.Persistence;
using Collab.Server.Contracts;

namespace Collab.Server.Endpoints;

/// <summary>
/// <c>POST /admin/reload</c>: swaps in a model file without dropping requests; needs the start-up token as a bearer
/// token, checked before the body is read. Every file that is not served, whatever the reason (missing, a device, FIFO
/// or folder, over the size cap, unreadable, not a valid model), gets the same 404, so the answer reveals nothing about
/// the file system; the reason goes to the server's log.
/// </summary>
internal static class AdminEndpoints
{
    private const string LogCategory = "Collab.Server.Reload";

    public static void Map(IEndpointRouteBuilder app, string token)
    {
        var expected = Encoding.UTF8.GetBytes("Bearer " + token);
        app.MapPost("/admin/reload", (HttpRequest http, ModelHolder models, ILoggerFactory logs, CancellationToken cancel) =>
                ReloadAsync(http, models, expected, logs.CreateLogger(LogCategory), cancel))
            .RequireRateLimiting(WriteLimits.Policy).WithTags("admin")
            .WithSummary("Reads a model file (default: the one served) and swaps it in atomically; the old model keeps serving if it fails.")
            // The body is read by hand, after the token check; Accepts<ReloadRequest> would refuse other media types before it.
            .WithDescription("Optional JSON body: {\"path\": \"FILE\"} (default: the file served now). Any file that is not served gets the same 404.")
            .ProducesProblem(401).ProducesProblem(400).ProducesProblem(404).ProducesProblem(415);
    }

    private static async Task<IResult> ReloadAsync(HttpRequest http, ModelHolder models, byte[] expected, ILogger log, CancellationToken cancel)
    {
        var given = Encoding.UTF8.GetBytes(http.Headers.Authorization.ToString());
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
            return TypedResults.Problem("Give the admin token as 'Authorization: Bearer TOKEN'.", statusCode: 401, title: "Unauthorized");
        string? path = null;
        if (http.ContentLength is > 0 || http.Headers.TransferEncoding.Count > 0)
        {
            if (!http.HasJsonContentType())
            {
                return TypedResults.Problem($"The body must be JSON, sent with 'Content-Type: application/json' (got '{http.ContentType}').",
                    statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported Media Type");
            }
            try
            {
                path = (await http.ReadFromJsonAsync<ReloadRequest>(cancel))?.Path;
            }
            catch (JsonException e)
            {
                return ApiChecks.BadRequest($"The body is not the JSON this endpoint takes: {e.Message}");
            }
        }
        try
        {
            var model = await models.ReloadAsync(path, cancel);
            return TypedResults.Ok(ModelStatus.Of(model));
        }
        catch (Exception e) when (e is ModelFileException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            log.LogWarning("Reload of '{Path}' refused; the old model keeps serving: {Reason}", path ?? "(the model served)", e.Message);
            return NotServed();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A file that reads as a model but cannot be prepared for serving (e.g. non-finite weights).
            log.LogError(e, "Reload of '{Path}' failed while preparing the model; the old model keeps serving.", path ?? "(the model served)");
            return NotServed();
        }
    }

    private static IResult NotServed() =>
        ApiChecks.NotFound("There is no model file at that path that this server can read; the old model keeps serving.");
}
