using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collab.Cli.Files;
using Collab.Data;
using Collab.Interpretation;
using Collab.Persistence;
using Collab.Reports;
using Spectre.Console;

namespace Collab.Cli.Commands;

/// <summary>
/// <c>collab spreadsheet</c>: the lesson's workbook (matrix, dotprod, onehot, embedding, readme) from a ratings
/// file or dataset, with factors from a short run on the matrix, or from a trained model's own rows.
/// </summary>
internal static class SpreadsheetCommand
{
    public static Command Create()
    {
        var options = new SpreadsheetOptionSet();
        var command = new Command("spreadsheet",
            "Write the lesson's spreadsheet (.xlsx) from your data or model: the ratings matrix, and the predictions as live formulas three ways (dot product, one-hot MMULT, embedding look-up).");
        options.AddTo(command);
        command.SetAction((parse, cancellation) => RunAsync(options.Read(parse), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(SpreadsheetRequest request, CancellationToken cancellation)
    {
        LessonWorkbook book;
        if (IsModelFile(request.Source))
        {
            if (request.TrainingOptionsGiven.Count > 0)
            {
                throw new UserErrorException($"{string.Join(", ", request.TrainingOptionsGiven)} only apply to the short training run on ratings; "
                    + "a model file brings its own factors. Drop them, or give a ratings file.");
            }
            var trained = TrainedModel.Load(request.Source);
            var matrix = ModelRatings.Matrix(trained, request.Users, request.Items);
            book = LessonWorkbook.FromModel(matrix, trained, $"the rows of the trained model {Path.GetFileName(request.Source)} (matrix from its training ratings)");
        }
        else
        {
            var path = await RatingsSource.ResolveAsync(request.Source, request.DataDir, AnsiConsole.Console, request.Json, cancellation);
            var matrix = RatingMatrix.MostActive(RatingsReader.Read(path, RatingsFileOptions.Default), request.Users, request.Items);
            var trained = await Task.Run(() => SmallMatrixTraining.Train(matrix, request.Training, cancellation), CancellationToken.None);
            var t = request.Training;
            book = LessonWorkbook.FromModel(matrix, trained, string.Create(CultureInfo.InvariantCulture,
                $"a {t.Epochs}-epoch one-cycle run (lr {t.LearningRate}, wd {t.WeightDecay}, seed {t.Seed}) on the {matrix.RatedCount} rated cells of {Path.GetFileName(path)}'s matrix"));
        }
        book.Save(request.Out);
        Report(request, book);
        return ExitCodes.Ok;
    }

    private static void Report(SpreadsheetRequest request, LessonWorkbook book)
    {
        if (request.Json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                @out = request.Out,
                users = book.UserCount,
                items = book.ItemCount,
                rated = book.Matrix.RatedCount,
                factors = book.Factors,
                rmse = book.Rmse(),
                factorsFrom = book.Provenance,
            }, CollabJson.Options));
            return;
        }
        Console.Out.WriteLine($"Wrote {request.Out}: {book.UserCount} users x {book.ItemCount} items ({book.Matrix.RatedCount} rated), {book.Factors} factors "
            + $"from {book.Provenance}.");
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RMSE over the rated cells: {book.Rmse():F4}. Sheets: matrix, dotprod, onehot, embedding, readme (the readme says how to run Solver)."));
    }

    /// <summary>Whether the file starts with the model file's magic bytes (see docs/model-file-format.md).</summary>
    private static bool IsModelFile(string source)
    {
        if (!File.Exists(source))
            return false;
        Span<byte> head = stackalloc byte[8];
        using var stream = File.OpenRead(source);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual("COLLABMF"u8);
    }
}
