using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Collab.Cli.Files;
using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Training;
using Spectre.Console;
using Collab.Training.LrFinding;

namespace Collab.Cli.Commands;

/// <summary><c>collab lr-find</c>: fastai's learning-rate finder on a fresh model, with a suggested rate and the rule behind it.</summary>
internal static class LrFindCommand
{
    public static Command Create()
    {
        var defaults = new LrFinderOptions();
        var source = new Argument<string>("source") { Description = "A ratings file or a dataset name.", DefaultValueFactory = _ => "ml-sample" };
        var factors = new Option<int>("--factors") { Description = "Latent factors (as for train).", DefaultValueFactory = _ => CollabDefaults.Factors };
        var yRange = new Option<string>("--y-range") { Description = "Output range low,high, or 'none' (as for train).", DefaultValueFactory = _ => OutputRange.Lesson.ToString() };
        var wd = new Option<double>("--wd") { Description = "Decoupled weight decay (as for train).", DefaultValueFactory = _ => CollabDefaults.WeightDecay };
        var bs = new Option<int>("--bs") { Description = "Batch size.", DefaultValueFactory = _ => CollabDefaults.BatchSize };
        var validPct = new Option<double>("--valid-pct") { Description = "Rows held out as for train (the sweep uses the training rows only).", DefaultValueFactory = _ => CollabDefaults.ValidPct };
        var seed = new Option<ulong>("--seed") { Description = "Seed of split, initial weights and shuffling.", DefaultValueFactory = _ => CollabDefaults.Seed };
        var start = new Option<double>("--start-lr") { Description = "First learning rate of the sweep (fastai: 1e-7).", DefaultValueFactory = _ => defaults.StartLr };
        var end = new Option<double>("--end-lr") { Description = "Last learning rate of the sweep (fastai: 10).", DefaultValueFactory = _ => defaults.EndLr };
        var iterations = new Option<int>("--iterations") { Description = "Batches in the sweep.", DefaultValueFactory = _ => defaults.Iterations };
        var plot = new Option<string?>("--plot") { Description = "Save loss against learning rate (log scale) as a PNG." };
        var dataDir = CommonOptions.DataDir();
        var json = CommonOptions.Json();
        var command = new Command("lr-find", "Sweep the learning rate exponentially on a copy of a fresh model and suggest one (fastai's lr_find).")
        {
            source, factors, yRange, wd, bs, validPct, seed, start, end, iterations, plot, dataDir, json,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var training = new TrainingOptions
            {
                Factors = parse.GetValue(factors),
                YRange = ParseRange(parse.GetValue(yRange)!),
                WeightDecay = parse.GetValue(wd),
                BatchSize = parse.GetValue(bs),
                ValidPct = parse.GetValue(validPct),
                Seed = parse.GetValue(seed),
            };
            var sweep = new LrFinderOptions { StartLr = parse.GetValue(start), EndLr = parse.GetValue(end), Iterations = parse.GetValue(iterations) };
            return await RunAsync(parse.GetValue(source)!, training, sweep, parse.GetValue(plot), parse.GetValue(dataDir), parse.GetValue(json), cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(string source, TrainingOptions training, LrFinderOptions sweep, string? plot, string? dataDir, bool json, CancellationToken cancellation)
    {
        training.Validate();
        sweep.Validate();
        var path = await RatingsSource.ResolveAsync(source, dataDir, AnsiConsole.Console, json, cancellation);
        var data = CollabData.FromTable(RatingsReader.Read(path, RatingsFileOptions.Default), training.ValidPct, training.Seed, training.VocabularyScope);
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count,
            new DotBiasOptions { Factors = training.Factors, YRange = training.YRange }, SeededRandom.ForStream(training.Seed, SeedStream.Init));
        var learnerOptions = new LearnerOptions { BatchSize = training.BatchSize, Seed = training.Seed, WeightDecay = training.WeightDecay };
        var result = await Task.Run(() => LrFinder.Run(data, model, learnerOptions, sweep, cancellation), CancellationToken.None);
        if (plot is not null)
            Plots.LrFinderPlot.Save(result, plot);
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(new
            {
                suggestion = result.Suggestion,
                steepestSlope = result.SteepestSlope,
                minimumOverTen = result.MinimumOverTen,
                diverged = result.Diverged,
                learningRates = result.LearningRates,
                losses = result.Losses,
            }, CollabJson.Options));
            return ExitCodes.Ok;
        }
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Swept {result.LearningRates.Count} batches, lr {result.LearningRates[0]:G2} to {result.LearningRates[^1]:G2}{(result.Diverged ? ", stopped when the loss diverged." : ".")}"));
        if (result.SteepestSlope is { } steep)
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  steepest slope: {steep.LearningRate:G2}  (where the loss falls fastest)"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  minimum / 10:   {result.MinimumOverTen.LearningRate:G2}  (a tenth of the rate at the lowest loss)"));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Suggested learning rate: {result.Suggestion.LearningRate:G2} ({result.Suggestion.Rule}); train with --lr {result.Suggestion.LearningRate:G2}."));
        if (plot is not null)
            Console.Out.WriteLine($"Plot saved to {plot}");
        return ExitCodes.Ok;
    }

    private static OutputRange? ParseRange(string text)
    {
        if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
            return null;
        try
        {
            return OutputRange.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UserErrorException($"--y-range: {e.Message}");
        }
    }
}
