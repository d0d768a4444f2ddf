using System.CommandLine;
using Collab.Models;
using Collab.Reports;

namespace Collab.Cli.Commands;

/// <summary>The arguments and options of <c>collab spreadsheet</c>, with the lesson's defaults shown in --help.</summary>
internal sealed class SpreadsheetOptionSet
{
    private readonly Argument<string> _source = new("source")
    {
        Description = "A ratings file (CSV, TSV, '::' or Parquet), a dataset name (see 'collab datasets'), or a model file written by 'collab train --out'.",
        DefaultValueFactory = _ => "ml-sample",
    };
    private readonly Option<int> _users = new("--users") { Description = $"Most active users (rows), at most {LessonWorkbook.MaxUsers} (the lesson: 15).", DefaultValueFactory = _ => SpreadsheetDefaults.Users };
    private readonly Option<int> _items = new("--items") { Description = $"Most rated items (columns), at most {LessonWorkbook.MaxItems} (the lesson: 15).", DefaultValueFactory = _ => SpreadsheetDefaults.Items };
    private readonly Option<string> _out = new("--out", "-o") { Description = "The .xlsx file to write.", DefaultValueFactory = _ => "collab.xlsx" };
    private readonly Option<int> _factors = new("--factors") { Description = "Factors per user and item of the short run (the lesson: 5). A model file brings its own.", DefaultValueFactory = _ => SpreadsheetDefaults.Factors };
    private readonly Option<int> _epochs = new("--epochs") { Description = "Epochs of the short one-cycle run on the matrix.", DefaultValueFactory = _ => SpreadsheetDefaults.Epochs };
    private readonly Option<double> _lr = new("--lr") { Description = "Peak learning rate of the short run.", DefaultValueFactory = _ => SpreadsheetDefaults.LearningRate };
    private readonly Option<double> _wd = new("--wd") { Description = "Weight decay of the short run (fastai: 0.01).", DefaultValueFactory = _ => CollabDefaults.WeightDecay };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of the short run's initial weights and shuffling.", DefaultValueFactory = _ => CollabDefaults.Seed };
    private readonly Option<string> _yRange = new("--y-range") { Description = "Output range low,high of the short run's sigmoid, or 'none' (the lesson: 0,5.5).", DefaultValueFactory = _ => OutputRange.Lesson.ToString() };
    private readonly Option<string?> _dataDir = CommonOptions.DataDir();
    private readonly Option<bool> _json = CommonOptions.Json();

    public void AddTo(Command command)
    {
        command.Arguments.Add(_source);
        foreach (var option in new Option[] { _users, _items, _out, _factors, _epochs, _lr, _wd, _seed, _yRange, _dataDir, _json })
            command.Options.Add(option);
    }

    public SpreadsheetRequest Read(ParseResult parse)
    {
        int users = parse.GetValue(_users), items = parse.GetValue(_items);
        if (users is < 1 or > LessonWorkbook.MaxUsers)
            throw new UserErrorException($"--users must lie between 1 and {LessonWorkbook.MaxUsers}; got {users}.");
        if (items is < 1 or > LessonWorkbook.MaxItems)
            throw new UserErrorException($"--items must lie between 1 and {LessonWorkbook.MaxItems}; got {items}.");
        var yRange = parse.GetValue(_yRange)!;
        var training = SpreadsheetDefaults.Training with
        {
            Factors = parse.GetValue(_factors),
            Epochs = parse.GetValue(_epochs),
            LearningRate = parse.GetValue(_lr),
            WeightDecay = parse.GetValue(_wd),
            Seed = parse.GetValue(_seed),
            YRange = yRange.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : TrainOptionSet.ParseRange(yRange),
        };
        training.Validate();
        var given = new Option[] { _factors, _epochs, _lr, _wd, _seed, _yRange }
            .Where(o => parse.GetResult(o) is { Implicit: false })
            .Select(o => o.Name)
            .ToList();
        return new SpreadsheetRequest(parse.GetValue(_source)!, users, items, training, given,
            parse.GetValue(_out)!, parse.GetValue(_dataDir), parse.GetValue(_json));
    }
}
