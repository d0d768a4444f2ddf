using Collab.Models;

namespace Collab.Server.Endpoints;

/// <summary>Input checks shared by the endpoints; each returns the problem to answer with, or null when the input is fine.</summary>
internal static class ApiChecks
{
    public const int MaxCount = 100;
    public const int MaxIdLength = 64;

    public static IResult? Count(int? n, int fallback, out int count)
    {
        count = n ?? fallback;
        return count is < 1 or > MaxCount ? BadRequest($"n must be between 1 and {MaxCount}; got {count}.") : null;
    }

    public static IResult? Id(string? id, string what) =>
        string.IsNullOrWhiteSpace(id) ? BadRequest($"The {what} id is missing.")
        : id.Length > MaxIdLength ? BadRequest($"The {what} id is longer than {MaxIdLength} characters.")
        : null;

    public static IResult? SessionId(string id) =>
        Guid.TryParseExact(id, "N", out _) ? null : BadRequest("A session id is 32 hexadecimal digits, as POST /api/sessions returned it.");

    public static IResult BadRequest(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid");

    public static IResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>A feature the served model's kind does not have (onboarding or similar items of an ease or nn model).</summary>
    public static IResult NotForThisModel(ServedModel model, string feature) =>
        TypedResults.Problem($"{feature} needs a factor model (dot, ials, bpr or bce); this server serves a{(model.Trained.Kind == ModelKind.Ease ? "n" : "")} {ModelKindNames.Of(model.Trained.Kind)} model. Recommendations and predictions for trained users work.",
            statusCode: StatusCodes.Status501NotImplemented, title: "Not available for this model");

    public static IResult UnknownItem(string id) => NotFound($"Item '{id}' is not in the model's training data.");

    public static IResult UnknownSession(string id) => NotFound($"There is no session '{id}'.");
}
