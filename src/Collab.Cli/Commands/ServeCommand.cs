using System.CommandLine;
using Collab.Cli.Files;
using Collab.Persistence;
using Collab.Server;
using Microsoft.Extensions.Hosting;
using Collab.Models;
using Collab.Recommend;
using Collab.Recommend.Approximate;

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
        var db = new Option<string>("--db") { Description = "SQLite database of visitors' sessions and answers (created if missing).", DefaultValueFactory = _ => "collab.db" };
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
        var command = new Command("serve", "Serve recommendations over HTTP, with the onboarding page for new visitors at /.")
        {
            model, urls, db, itemsFile, token, writes, maxModel, proxies, exact, candidates,
        };
        command.SetAction((parse, cancel) => RunAsync(parse.GetValue(model)!, parse.GetValue(urls)!, parse.GetValue(db)!, parse.GetValue(itemsFile),
            parse.GetValue(token) ?? Environment.GetEnvironmentVariable("COLLAB_ADMIN_TOKEN"), parse.GetValue(writes), parse.GetValue(maxModel),
            parse.GetValue(proxies)!, ModelOptions.Approximate(parse.GetValue(exact), parse.GetValue(candidates), parse.GetValue(model)!), cancel));
        return command;
    }

    private static async Task<int> RunAsync(string modelPath, string urls, string db, string? itemsFile, string? token, int writes, int maxModelMegabytes,
        string[] trustedProxies, ApproximateOptions approximate, CancellationToken cancel)
    {
        var trained = TrainedModel.Load(modelPath);
        var items = ItemTitles.Find(itemsFile, trained.Summary.Source);
        await using var app = CollabServer.Build(new CollabServerOptions
        {
            ModelPath = modelPath,
            Model = trained,
            Items = items,
            DatabasePath = db,
            Urls = urls,
            AdminToken = token,
            WritesPerSecond = writes,
            MaxModelBytes = (long)maxModelMegabytes << 20,
            TrustedProxies = trustedProxies,
            Approximate = approximate,
        });
        await app.StartAsync(cancel);
        Console.Error.WriteLine($"Serving {Path.GetFileName(modelPath)} ({trained.Users.Count - 1:N0} users, {trained.Items.Count - 1:N0} items"
            + (items is null ? ", no titles" : $", titles of {items.Count:N0}") + $"); sessions in {Path.GetFullPath(db)}.");
        if (trained.Factors is null)
            Console.Error.WriteLine($"Onboarding and similar items are off: they need a factor model (dot, ials, bpr or bce), and this is {ModelKindNames.Of(trained.Kind)}. Trained users' recommendations and predictions are served.");
        ModelOptions.NoteIndex(new Predictor(trained, approximate));
        foreach (var address in app.Urls)
            Console.Error.WriteLine($"Listening on {address} (onboarding page at /, API description at /openapi). Ctrl+C stops.");
        await app.WaitForShutdownAsync(cancel);
        return ExitCodes.Ok;
    }
}
