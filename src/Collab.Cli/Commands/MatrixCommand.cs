using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collab.Cli.Files;
using Collab.Data;
using Collab.Interpretation;
using Collab.Persistence;
using Collab.Recommend;
using Spectre.Console;

namespace Collab.Cli.Commands;

/// <summary>
/// <c>collab matrix</c>: the lesson's spreadsheet, the most active users by the most rated items with the gaps
/// shown, and with <c>--model</c> the model's prediction beside every cell.
/// </summary>
internal static class MatrixCommand
{
    private const string Gap = "·";

    public static Command Create()
    {
        var source = new Argument<string>("source") { Description = "A ratings file or a dataset name.", DefaultValueFactory = _ => "ml-sample" };
        var users = new Option<int>("--users") { Description = "Rows: the most active users.", DefaultValueFactory = _ => 15 };
        var items = new Option<int>("--items") { Description = "Columns: the most rated items.", DefaultValueFactory = _ => 15 };
        var model = new Option<string?>("--model") { Description = "A trained model: show its prediction beside each rating (and in the gaps)." };
        var itemsFile = ModelOptions.ItemsFile();
        var dataDir = CommonOptions.DataDir();
        var json = CommonOptions.Json();
        var command = new Command("matrix", "Show the ratings as the lesson's spreadsheet: most active users x most rated items, gaps shown.")
        {
            source, users, items, model, itemsFile, dataDir, json,
        };
        command.SetAction((parse, cancellation) => RunAsync(parse.GetValue(source)!, parse.GetValue(users), parse.GetValue(items), parse.GetValue(model),
            parse.GetValue(itemsFile), parse.GetValue(dataDir), parse.GetValue(json), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(string source, int userCount, int itemCount, string? modelPath, string? itemsFile, string? dataDir, bool json, CancellationToken cancellation)
    {
        if (userCount < 1 || itemCount < 1)
            throw new UserErrorException("--users and --items must be at least 1.");
        var path = await RatingsSource.ResolveAsync(source, dataDir, AnsiConsole.Console, json, cancellation);
        var matrix = RatingMatrix.MostActive(RatingsReader.Read(path, RatingsFileOptions.Default), userCount, itemCount);
        var predicted = modelPath is null ? null : PredictedMatrix.Of(matrix, new Predictor(TrainedModel.Load(modelPath)));
        var titles = ItemTitles.Find(itemsFile, path, dataDir);
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                users = matrix.Users,
                items = matrix.Items.Select(i => new { id = i, title = titles?.TitleOf(i) }),
                ratings = Enumerable.Range(0, matrix.Users.Count).Select(u => Enumerable.Range(0, matrix.Items.Count).Select(i => matrix[u, i])),
                predictions = predicted is null ? null : Enumerable.Range(0, matrix.Users.Count).Select(u => Enumerable.Range(0, matrix.Items.Count).Select(i => predicted[u, i].Rating)),
                rmse = predicted?.Rmse,
            }, CollabJson.Options));
            return ExitCodes.Ok;
        }
        int cells = matrix.Users.Count * matrix.Items.Count;
        Console.Out.WriteLine($"{matrix.Users.Count} most active users x {matrix.Items.Count} most rated items of {path}: {matrix.RatedCount} of {cells} cells rated ({Gap} = no rating)" +
            (predicted is null ? "." : "; each cell shows rating / model prediction."));
        var table = new Table().Border(TableBorder.Simple).AddColumn("user");
        foreach (var item in matrix.Items)
            table.AddColumn(new TableColumn(Markup.Escape(item)).RightAligned());
        for (int u = 0; u < matrix.Users.Count; u++)
        {
            var row = new List<string> { Markup.Escape(matrix.Users[u]) };
            for (int i = 0; i < matrix.Items.Count; i++)
                row.Add(Cell(matrix[u, i], predicted?[u, i]));
            table.AddRow([.. row]);
        }
        AnsiConsole.Write(table);
        if (predicted is not null)
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RMSE of the model over the {matrix.RatedCount} rated cells: {predicted.Rmse:F3}"));
        if (titles is not null)
            Console.Out.WriteLine("Items: " + string.Join("; ", matrix.Items.Select(i => $"{i} = {titles.TitleOf(i) ?? "?"}")));
        return ExitCodes.Ok;
    }

    private static string Cell(float? rating, Prediction? prediction)
    {
        var actual = rating?.ToString("0.#", CultureInfo.InvariantCulture) ?? Gap;
        return prediction is null ? actual : $"{actual}/{prediction.Rating.ToString("0.0", CultureInfo.InvariantCulture)}";
    }
}
