using System.Security.Cryptography;
using System.Text;
using Collab.Persistence;

namespace Collab.Server;

/// <summary><c>POST /admin/reload</c>: swaps in a model file without dropping requests; needs the start-up token as a bearer token.</summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, string token)
    {
        var expected = Encoding.UTF8.GetBytes("Bearer " + token);
        app.MapPost("/admin/reload", (HttpRequest http, ReloadRequest? request, ModelHolder models, CancellationToken cancel) =>
                ReloadAsync(http, request, models, expected, cancel))
            .RequireRateLimiting(WriteLimits.Policy).WithTags("admin")
            .WithSummary("Reads a model file (default: the one served) and swaps it in atomically; the old model keeps serving if it fails.")
            .ProducesProblem(401).ProducesProblem(400);
    }

    private static async Task<IResult> ReloadAsync(HttpRequest http, ReloadRequest? request, ModelHolder models, byte[] expected, CancellationToken cancel)
    {
        var given = Encoding.UTF8.GetBytes(http.Headers.Authorization.ToString());
        if (!CryptographicOperations.FixedTimeEquals(given, expected))
            return TypedResults.Problem("Give the admin token as 'Authorization: Bearer TOKEN'.", statusCode: 401, title: "Unauthorized");
        try
        {
            var model = await models.ReloadAsync(request?.Path, cancel);
            return TypedResults.Ok(new { model = model.Path, users = model.Trained.Users.Count - 1, items = model.Trained.Items.Count - 1, loadedAt = model.LoadedAt });
        }
        catch (Exception e) when (e is ModelFileException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return ApiChecks.BadRequest($"The model was not reloaded (the old one keeps serving): {e.Message}");
        }
    }
}
