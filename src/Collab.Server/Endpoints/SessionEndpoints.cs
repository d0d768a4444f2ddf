using Microsoft.AspNetCore.Mvc;
using Collab.Server.Contracts;
using Collab.Server.Onboarding;
using Collab.Server.Storage;

namespace Collab.Server.Endpoints;

/// <summary>
/// A new visitor's onboarding: open a session, get rounds of well-known items to rate or mark as not seen, post
/// the answers, get recommendations folded in from them. Everything is stored, so a restart loses nothing.
/// </summary>
internal static class SessionEndpoints
{
    // Per request and per session, so one visitor cannot grow the database without bound.
    public const int MaxAnswersPerRequest = 100;
    public const int MaxAnswersPerSession = 2000;

    public static void Map(IEndpointRouteBuilder app)
    {
        var sessions = app.MapGroup("/api/sessions").WithTags("sessions");
        sessions.MapPost("", Create).RequireRateLimiting(WriteLimits.Policy)
            .WithSummary("Opens a session for a new visitor.").Produces<SessionResponse>(201);
        sessions.MapGet("/{id}", Get)
            .WithSummary("A session's rounds and answer counts.").Produces<SessionResponse>().ProducesProblem(400).ProducesProblem(404);
        sessions.MapGet("/{id}/questions", Questions)
            .WithSummary("The open round of questions, or the next one (n items, most informative well-known items first).")
            .Produces<QuestionsResponse>().ProducesProblem(400).ProducesProblem(404);
        sessions.MapPost("/{id}/answers", Answer).RequireRateLimiting(WriteLimits.Policy)
            .WithSummary("Stores ratings and \"not seen\" answers; closes the open round.")
            .Produces<SessionResponse>().ProducesProblem(400).ProducesProblem(404).ProducesProblem(413).ProducesProblem(429);
        sessions.MapGet("/{id}/recommendations", Recommendations)
            .WithSummary("Recommendations for the visitor, folded in from the ratings so far, each with a one-line reason.")
            .Produces<RankingResponse>().ProducesProblem(400).ProducesProblem(404);
    }

    private static IResult Create(ISessionStore store, ModelHolder models, TimeProvider time)
    {
        if (models.Current.ColdStart is null)
            return ApiChecks.NotForThisModel(models.Current, "Onboarding a visitor");
        var id = Guid.NewGuid().ToString("N");
        var now = time.GetUtcNow();
        store.Create(id, now);
        return TypedResults.Created($"/api/sessions/{id}", new SessionResponse(id, now, 0, 0, 0));
    }

    private static IResult Get(string id, ISessionStore store)
    {
        if (ApiChecks.SessionId(id) is { } bad)
            return bad;
        return store.Find(id) is { } session ? TypedResults.Ok(Describe(session, store)) : ApiChecks.UnknownSession(id);
    }

    private static IResult Questions(string id, int? n, ISessionStore store, ModelHolder models)
    {
        if ((ApiChecks.Count(n, 20, out int count) ?? ApiChecks.SessionId(id)) is { } bad)
            return bad;
        if (store.Find(id) is not { } session)
            return ApiChecks.UnknownSession(id);
        var model = models.Current;
        if (session.RoundOpen)
            return TypedResults.Ok(new QuestionsResponse(id, session.Rounds, [.. store.Asked(id, session.Rounds).Select(i => model.View(i))]));
        var answers = LatestAnswers.Of(store.Answers(id));
        if (model.ColdStart is not { } coldStart)
            return ApiChecks.NotForThisModel(model, "Onboarding a visitor");
        var items = coldStart.NextRound(answers, store.Asked(id), count);
        int round = items.Count == 0 ? session.Rounds : store.OpenRound(id, items);
        return TypedResults.Ok(new QuestionsResponse(id, round, [.. items.Select(i => model.View(i))]));
    }

    private static IResult Answer(string id, [FromBody] AnswersRequest request, ISessionStore store, ModelHolder models, CollabServerOptions options, TimeProvider time)
    {
        if (ApiChecks.SessionId(id) is { } bad)
            return bad;
        if (request.Answers is not { Count: > 0 } answers)
            return ApiChecks.BadRequest("The body needs a non-empty \"answers\" list.");
        if (answers.Count > MaxAnswersPerRequest)
            return ApiChecks.BadRequest($"At most {MaxAnswersPerRequest} answers per request; got {answers.Count}.");
        if (store.Find(id) is not { } session)
            return ApiChecks.UnknownSession(id);
        var model = models.Current;
        var stored = new List<StoredAnswer>(answers.Count);
        for (int i = 0; i < answers.Count; i++)
        {
            if (answers[i] is not { } answer)
                return ApiChecks.BadRequest($"Answer {i + 1} is null; each answer is an object such as {{\"item\":\"356\",\"rating\":4.5}} or {{\"item\":\"318\",\"notSeen\":true}}.");
            if (ValidateAnswer(answer, model, options) is { } invalid)
                return invalid;
            stored.Add(new StoredAnswer(answer.Item!, answer.NotSeen == true ? null : answer.Rating));
        }
        if (!store.TryAddAnswers(id, stored, time.GetUtcNow(), MaxAnswersPerSession))
            return ApiChecks.BadRequest($"A session keeps at most {MaxAnswersPerSession} answers.");
        return TypedResults.Ok(Describe(session, store));
    }

    private static IResult? ValidateAnswer(AnswerInput answer, ServedModel model, CollabServerOptions options)
    {
        if (ApiChecks.Id(answer.Item, "item") is { } bad)
            return bad;
        var (low, high) = options.RatingScale;
        if (answer.NotSeen == true)
        {
            return answer.Rating is null ? null
                : ApiChecks.BadRequest($"Item '{answer.Item}': give a rating or notSeen, not both.");
        }
        if (answer.Rating is not { } rating)
            return ApiChecks.BadRequest($"Item '{answer.Item}': give a rating or \"notSeen\": true.");
        if (!(rating >= low && rating <= high))
            return ApiChecks.BadRequest($"Item '{answer.Item}': a rating is between {low} and {high}; got {rating}.");
        return model.ItemRow(answer.Item!) < 0 ? ApiChecks.UnknownItem(answer.Item!) : null;
    }

    private static IResult Recommendations(string id, int? n, ISessionStore store, ModelHolder models)
    {
        if ((ApiChecks.Count(n, 10, out int count) ?? ApiChecks.SessionId(id)) is { } bad)
            return bad;
        if (store.Find(id) is null)
            return ApiChecks.UnknownSession(id);
        var model = models.Current;
        var answers = LatestAnswers.Of(store.Answers(id));
        var ratings = answers.Where(a => a.Value is not null).Select(a => (a.Key, a.Value!.Value)).ToList();
        var liked = model.Reasons.LikedRows(ratings);
        if (model.ColdStart is not { } coldStart)
            return ApiChecks.NotForThisModel(model, "Onboarding a visitor");
        var top = coldStart.Recommend(answers, count);
        var message = ratings.Count == 0
            ? "no ratings yet: the items most viewers rate highly"
            : $"top {top.Count} items by predicted rating, folded in from {ratings.Count} ratings";
        var reasons = model.Reasons.For([.. top.Select(t => t.Id)], liked);
        return TypedResults.Ok(new RankingResponse(id, message, [.. top.Select((t, i) => model.View(t.Id, t.Score, reasons[i]))]));
    }

    private static SessionResponse Describe(SessionRecord session, ISessionStore store)
    {
        var latest = LatestAnswers.Of(store.Answers(session.Id));
        int rated = latest.Count(a => a.Value is not null);
        var now = store.Find(session.Id) ?? session;
        return new SessionResponse(session.Id, session.Created, now.Rounds, rated, latest.Count - rated);
    }
}
