using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Collab.Server.Endpoints;

/// <summary>
/// Fills in the <c>detail</c> of the problem bodies ASP.NET Core writes on its own (a query value or body that does not
/// bind, no endpoint at a path, a method or media type an endpoint does not take, an exception), so every error the
/// service answers says what was wrong. Details the endpoints wrote themselves are kept.
/// </summary>
internal static class ProblemDetailDefaults
{
    public static void Fill(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (!string.IsNullOrEmpty(problem.Detail))
            return;
        var request = context.HttpContext.Request;
        int status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Detail = (status, context.Exception) switch
        {
            (StatusCodes.Status415UnsupportedMediaType, _) =>
                $"The body must be JSON, sent with 'Content-Type: application/json' (got '{request.ContentType}').",
            (_, BadHttpRequestException { InnerException: JsonException json }) => $"The body is not the JSON this endpoint takes: {json.Message}",
            (_, BadHttpRequestException bad) => bad.Message,
            (StatusCodes.Status404NotFound, _) => $"Nothing answers {request.Method} at this path; GET /openapi lists the endpoints.",
            (StatusCodes.Status405MethodNotAllowed, _) => $"This endpoint does not answer {request.Method}; the Allow header lists the methods it does.",
            ( >= 500, _) => "The server failed to answer this request; the error is in its log.",
            _ => ReasonPhrases.GetReasonPhrase(status) + ".",
        };
    }
}
