using Collab.Recommend;
using Collab.Server.Contracts;

namespace Collab.Server.Endpoints;

/// <summary>Read-only questions to the model: recommendations for a trained user, similar items, a prediction, an item.</summary>
internal static class ModelEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("model");
        api.MapGet("/users/{id}/recommendations", UserRecommendations)
            .WithSummary("Top-n items a trained user has not interacted with (training or held-out rows; includeSeen=true ranks them too), with a one-line reason each.")
            .Produces<RankingResponse>().ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/items/{id}/similar", SimilarItems)
            .WithSummary("The n items nearest to an item by cosine similarity of their factors.")
            .Produces<RankingResponse>().ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/predict", Predict)
            .WithSummary("The predicted rating of a trained user for a trained item.")
            .Produces<PredictionResponse>().ProducesProblem(400).ProducesProblem(404);
        api.MapGet("/items/{id}", Item)
            .WithSummary("Title, genres, learned bias and training rating counts of an item.")
            .Produces<ItemDetails>().ProducesProblem(400).ProducesProblem(404);
    }

    private static IResult UserRecommendations(string id, int? n, bool? includeSeen, ModelHolder models)
    {
        if ((ApiChecks.Count(n, 10, out int count) ?? ApiChecks.Id(id, "user")) is { } bad)
            return bad;
        var model = models.Current;
        var ranking = model.Predictor.Recommend(id, count, includeSeen ?? false);
        if (!ranking.Found)
            return ApiChecks.NotFound(ranking.Message + ".");
        model.Trained.Users.TryGetIndex(id, out int user);
        var liked = model.Reasons.LikedRows(user);
        var reasons = model.Reasons.For([.. ranking.Results.Select(r => r.Id)], liked);
        return TypedResults.Ok(new RankingResponse(id, ranking.Message,
            [.. ranking.Results.Select((r, i) => model.View(r.Id, r.Score, reasons[i]))]));
    }

    private static IResult SimilarItems(string id, int? n, ModelHolder models)
    {
        if ((ApiChecks.Count(n, 10, out int count) ?? ApiChecks.Id(id, "item")) is { } bad)
            return bad;
        var model = models.Current;
        if (model.Trained.Factors is null)
            return ApiChecks.NotForThisModel(model, "Similar items");
        var ranking = model.Predictor.SimilarItems(id, count);
        return ranking.Found
            ? TypedResults.Ok(new RankingResponse(id, ranking.Message, [.. ranking.Results.Select(r => model.View(r.Id, r.Score))]))
            : ApiChecks.NotFound(ranking.Message + ".");
    }

    private static IResult Predict(string? user, string? item, ModelHolder models)
    {
        if ((ApiChecks.Id(user, "user") ?? ApiChecks.Id(item, "item")) is { } bad)
            return bad;
        var model = models.Current;
        var prediction = model.Predictor.Predict(user!, item!);
        return prediction.Basis == PredictionBasis.Model
            ? TypedResults.Ok(new PredictionResponse(user!, item!, prediction.Rating, model.Items?.TitleOf(item!)))
            : ApiChecks.NotFound(prediction.Explanation + ".");
    }

    private static IResult Item(string id, ModelHolder models)
    {
        if (ApiChecks.Id(id, "item") is { } bad)
            return bad;
        var model = models.Current;
        int row = model.ItemRow(id);
        if (row < 0)
            return ApiChecks.UnknownItem(id);
        var view = model.View(id);
        return TypedResults.Ok(new ItemDetails(id, view.Title, view.Genres, model.Trained.Factors?.ItemBias.Values[row],
            view.Ratings, model.Predictor.Stats.ItemMean(row)));
    }
}
