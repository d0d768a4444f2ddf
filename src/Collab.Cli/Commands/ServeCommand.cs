using System.CommandLine;
using Collab.Cli.Files;
using Collab.Persistence;
using Collab.Server;
using Microsoft.Extensions.Hosting;
using Collab.Models;
using Collab.Recommend;

namespace Collab.Cli.Commands;

/// <summary>
/// <c>collab serve</c>: the HTTP service and onboarding page. ASP.NET Core is only loaded when this command runs
/// (its types appear in <see cref="RunAsync"/> alone), so the other commands start as fast as before.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var model = ModelOptions.Model();
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on (port 0: any free port).", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var db = new Option<string>("--db")
        {
            Description = "Visitors' sessions and answers: a SQLite file (created if missing), or a PostgreSQL database that replicas share, "
                + "as postgres://user:password@host:5432/database or Host=..;Database=..;Username=..",
            DefaultValueFactory = _ => "collab.db",
        };
        var itemsFile = ModelOptions.ItemsFile();
        var exact = ModelOptions.Exact();
        var candidates = ModelOptions.Candidates();
        var token = new Option<string?>("--admin-token") { Description = "Enables POST /admin/reload for requests with 'Authorization: Bearer TOKEN'. Default: $COLLAB_ADMIN_TOKEN." };
        var writes = new Option<int>("--write-rate") { Description = "Writes (sessions, answers) each client may make per second.", DefaultValueFactory = _ => 20 };
        var maxModel = new Option<int>("--max-model-mb") { Description = "Largest model file POST /admin/reload reads, in MiB (at most 2047).", DefaultValueFactory = _ => 1024 };
        var proxies = new Option<string[]>("--trusted-proxy")
        {
            Description = "A reverse proxy (address, or network such as 10.0.0.0/8) whose X-Forwarded-For names the client, so write limits "
                + "apply per visitor behind it; repeat for several. Default: none (the header is ignored).",
            DefaultValueFactory = _ => [],
        };
        var watch = new Option<bool>("--watch-model") { Description = "Swap in a new model file at MODEL's path once it verifies (write it beside, then rename it over)." };
        var watchInterval = new Option<double>("--watch-interval")
        {
            Description = "Seconds between polls of a watched model path, for file systems that raise no change events.",
            DefaultValueFactory = _ => 5,
        };
        var command = new Command("serve", "Serve recommendations over HTTP, with the onboarding page for new visitors at /.")
        {
            model, urls, db, itemsFile, token, writes, maxModel, proxies, watch, watchInterval, exact, candidates,
        };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(itemsFile), new CollabServerOptions
        {
            ModelPath = parse.GetValue(model)!,
            Database = parse.GetValue(db)!,
            Urls = parse.GetValue(urls)!,
            AdminToken = parse.GetValue(token) ?? Environment.GetEnvironmentVariable("COLLAB_ADMIN_TOKEN"),
            WritesPerSecond = parse.GetValue(writes),
            MaxModelBytes = (long)parse.GetValue(maxModel) << 20,
            TrustedProxies = parse.GetValue(proxies)!,
            WatchModel = parse.GetValue(watch),
            ModelPollInterval = TimeSpan.FromSeconds(parse.GetValue(watchInterval)),
            Approximate = ModelOptions.Approximate(parse.GetValue(exact), parse.GetValue(candidates), parse.GetValue(model)!),
        }, cancel));
        return command;
    }

    private static async Task<int> RunAsync(string? itemsFile, CollabServerOptions settings, CancellationToken cancel)
    {
        var modelPath = settings.ModelPath;
        var trained = TrainedModel.Load(modelPath);
        var items = ItemTitles.Find(itemsFile, trained.Summary.Source);
        await using var app = CollabServer.Build(settings with { Model = trained, Items = items });
        await app.StartAsync(cancel);
        Console.Error.WriteLine($"Serving {Path.GetFileName(modelPath)} ({trained.Users.Count - 1:N0} users, {trained.Items.Count - 1:N0} items"
            + (items is null ? ", no titles" : $", titles of {items.Count:N0}") + $"); sessions in {CollabServer.DescribeDatabase(settings.Database)}"
            + (settings.WatchModel ? "; watching the model file for a new version." : "."));
        if (trained.Factors is null)
            Console.Error.WriteLine($"Onboarding and similar items are off: they need a factor model (dot, bayes, ials, bpr or bce), and this is {ModelKindNames.Of(trained.Kind)}. Trained users' recommendations and predictions are served.");
        ModelOptions.NoteIndex(new Predictor(trained, settings.Approximate));
        foreach (var address in app.Urls)
            Console.Error.WriteLine($"Listening on {address} (onboarding page at /, API description at /openapi). Ctrl+C stops.");
        await app.WaitForShutdownAsync(cancel);
        return ExitCodes.Ok;
    }
}
