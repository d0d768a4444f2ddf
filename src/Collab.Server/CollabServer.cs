using System.Text.Json.Serialization;
using Collab.Persistence;
using Collab.Server.Endpoints;
using Collab.Server.Operations;
using Collab.Server.Storage;

namespace Collab.Server;

/// <summary>
/// The recommendation service: ASP.NET Core minimal API on Kestrel over one shared, read-only model, with
/// visitors' sessions in SQLite and the onboarding page at <c>/</c>. See docs/service.md.
/// </summary>
public static class CollabServer
{
    /// <summary>Longest request line (method, path and query) Kestrel accepts: 16 KiB.</summary>
    public const int MaxRequestLineBytes = 16 * 1024;

    /// <summary>Reads the model, opens (creates, migrates) the database and builds the application; start it with RunAsync or StartAsync.</summary>
    public static WebApplication Build(CollabServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            // Kestrel refuses longer request lines itself, with an empty 414 the application never sees; at 16 KiB
            // (default 8 KiB) an over-long id still reaches the endpoint's check and gets a problem body saying so.
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var time = TimeProvider.System;
        var trained = options.Model ?? TrainedModel.Load(options.ModelPath);
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton(_ => new ModelHolder(new ServedModel(options.ModelPath, trained, options.Items, time.GetUtcNow(), options.Approximate), options.MaxModelBytes, time));
        services.AddSingleton(_ => new SessionStore(options.DatabasePath));
        services.AddSingleton<RequestMetrics>();
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = ProblemDetailDefaults.Fill);
        // A query value or body that does not bind throws BadHttpRequestException, whose message becomes the problem's detail.
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Collab recommendations";
            document.Info.Description = "Recommendations, similar items and predictions from a trained Collab model, and onboarding sessions for new visitors.";
            return Task.CompletedTask;
        }));
        services.AddRateLimiter(limiter => WriteLimits.Configure(limiter, options.WritesPerSecond));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

        var app = builder.Build();
        // Fail at start-up, not on the first request: the model is prepared and the schema migrated now.
        app.Services.GetRequiredService<ModelHolder>();
        app.Services.GetRequiredService<SessionStore>();
        var metrics = app.Services.GetRequiredService<RequestMetrics>();
        if (options.TrustedProxies.Count > 0)
            app.UseForwardedHeaders(ForwardedClients.Options(options.TrustedProxies));
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A body over the size limit or unreadable JSON surfaces as BadHttpRequestException: its status, not 500.
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
            // The client's mistake, answered with a 4xx: not logged as an unhandled exception.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
        });
        app.UseStatusCodePages();
        app.UseRouting();
        app.Use(metrics.Measure);
        app.UseRateLimiter();
        ModelEndpoints.Map(app);
        SessionEndpoints.Map(app);
        PageEndpoints.Map(app);
        if (options.AdminToken is { } token)
            AdminEndpoints.Map(app, token);
        app.MapOpenApi("/openapi");
        return app;
    }
}
