using System.CommandLine;
using Collab.Data;
using Collab.Models;
using Collab.Training;

namespace Collab.Cli.Commands;

/// <summary>The options of <c>collab train</c>, with fastai's (or the lesson's) defaults shown in --help.</summary>
internal sealed class TrainOptionSet
{
    private readonly Option<double> _validPct = new("--valid-pct") { Description = "Share of rows held out at random for validation (fastai: 0.2).", DefaultValueFactory = _ => CollabDefaults.ValidPct };
    private readonly Option<string?> _validFile = new("--valid-file") { Description = "A second ratings file to validate on instead of a random split (e.g. MovieLens u1.test)." };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed for split, initial weights and shuffling.", DefaultValueFactory = _ => CollabDefaults.Seed };
    private readonly Option<int> _factors = new("--factors") { Description = "Latent factors per user and item (fastai: 50).", DefaultValueFactory = _ => CollabDefaults.Factors };
    private readonly Option<string> _yRange = new("--y-range") { Description = "Output range low,high for the sigmoid, or 'none' (the lesson: 0,5.5; fastai's default: none).", DefaultValueFactory = _ => CollabDefaults.YRange?.ToString() ?? "none" };
    private readonly Option<int> _epochs = new("--epochs") { Description = "Epochs of one-cycle training (the lesson: 3).", DefaultValueFactory = _ => CollabDefaults.Epochs };
    private readonly Option<double> _lr = new("--lr") { Description = "Peak learning rate of the one cycle (the lesson: 5e-3; fastai's default: 1e-3).", DefaultValueFactory = _ => CollabDefaults.LearningRate };
    private readonly Option<double> _wd = new("--wd") { Description = "Decoupled weight decay (fastai: 0.01; the lesson's ML-100k runs: 0.1).", DefaultValueFactory = _ => CollabDefaults.WeightDecay };
    private readonly Option<int> _bs = new("--bs") { Description = "Batch size (fastai: 64).", DefaultValueFactory = _ => CollabDefaults.BatchSize };
    private readonly Option<double> _eps = new("--eps") { Description = "Adam's epsilon (fastai v2: 1e-5; v1: 1e-8).", DefaultValueFactory = _ => CollabDefaults.Epsilon };
    private readonly Option<string> _mode = new("--mode") { Description = "'exact' reproduces fastai (dense Adam over whole tables); 'fast' updates only the rows each batch touches, on all cores.", DefaultValueFactory = _ => "exact" };
    private readonly Option<FastOptimizer> _fastOptimizer = new("--fast-optimizer") { Description = "Fast mode's row update: RowRms (row-wise RMSprop, fastest) or LazyAdam (Adam on touched rows).", DefaultValueFactory = _ => FastOptimizer.RowRms };
    private readonly Option<int> _threads = new("--threads") { Description = "Threads (0: one per core). Fast mode trains batches in parallel; exact mode splits its dense pass. --threads 1 is deterministic in both.", DefaultValueFactory = _ => 0 };
    private readonly Option<double?> _biasWd = new("--bias-wd") { Description = "Weight decay of the bias tables, fast mode only (default: the same as --wd)." };
    private readonly Option<string?> _recipe = new("--recipe") { Description = "Start from a named recipe, 'lesson' or 'accurate' (docs/accuracy.md); options given explicitly override it." };
    private readonly Option<int> _ensemble = new("--ensemble") { Description = "Train this many seeds and report their averaged prediction (the accurate recipe: 10). Not saved with --out yet.", DefaultValueFactory = _ => 1 };
    private readonly Option<string?> _out = new("--out", "-o") { Description = "Save the trained model to this file." };
    private readonly Option<string?> _plot = new("--plot") { Description = "Save the training and validation losses as a PNG." };
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Option<string?> _dataDir = CommonOptions.DataDir();
    private readonly Option<string?> _delimiter = new("--delimiter") { Description = "Field delimiter: ',', 'tab', ';', '|' or '::' (default: detected)." };
    private readonly Option<bool?> _header = new("--header") { Description = "Whether the first line is a header (default: detected)." };
    private readonly Option<string?> _userCol = new("--user-col") { Description = "User column: header name or 1-based position (default: 1)." };
    private readonly Option<string?> _itemCol = new("--item-col") { Description = "Item column: header name or 1-based position (default: 2)." };
    private readonly Option<string?> _ratingCol = new("--rating-col") { Description = "Rating column: header name or 1-based position (default: 3)." };
    private readonly Option<string?> _timestampCol = new("--timestamp-col") { Description = "Timestamp column: header name or 1-based position (default: 4 when present)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _validPct, _validFile, _seed, _factors, _yRange, _epochs, _lr, _wd, _bs, _eps, _mode, _fastOptimizer, _threads, _biasWd, _recipe, _ensemble, _out, _plot, _json, _dataDir, _delimiter, _header, _userCol, _itemCol, _ratingCol, _timestampCol })
            command.Options.Add(option);
    }

    public TrainRequest Read(ParseResult parse)
    {
        var modeText = parse.GetValue(_mode);
        if (!Enum.TryParse<TrainingMode>(modeText, ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
            throw new UserErrorException($"--mode '{modeText}' is not a training mode; use 'exact' or 'fast'.");
        var yRangeText = parse.GetValue(_yRange)!;
        TrainingOptions recipe;
        try
        {
            recipe = parse.GetValue(_recipe) is { } name ? Recipes.Named(name) : new TrainingOptions { Mode = mode, Threads = parse.GetValue(_threads) };
        }
        catch (ArgumentException e)
        {
            throw new UserErrorException($"--recipe: {e.Message}");
        }
        T Pick<T>(Option<T> option, T fromRecipe) => parse.GetResult(option) is { Implicit: false } ? parse.GetValue(option)! : fromRecipe;
        var training = recipe with
        {
            ValidPct = parse.GetValue(_validPct),
            Seed = parse.GetValue(_seed),
            Factors = Pick(_factors, recipe.Factors),
            YRange = parse.GetResult(_yRange) is { Implicit: false } ? (yRangeText.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : ParseRange(yRangeText)) : recipe.YRange,
            Epochs = Pick(_epochs, recipe.Epochs),
            LearningRate = Pick(_lr, recipe.LearningRate),
            WeightDecay = Pick(_wd, recipe.WeightDecay),
            BiasWeightDecay = parse.GetValue(_biasWd) ?? recipe.BiasWeightDecay,
            BatchSize = Pick(_bs, recipe.BatchSize),
            Epsilon = Pick(_eps, recipe.Epsilon),
            Mode = parse.GetResult(_mode) is { Implicit: false } ? mode : recipe.Mode,
            FastOptimizer = parse.GetValue(_fastOptimizer),
            Threads = Pick(_threads, recipe.Threads),
        };
        int ensemble = parse.GetResult(_ensemble) is { Implicit: false } ? parse.GetValue(_ensemble)
            : string.Equals(parse.GetValue(_recipe), "accurate", StringComparison.OrdinalIgnoreCase) ? Recipes.AccurateMembers : 1;
        if (ensemble < 1)
            throw new UserErrorException("--ensemble must be at least 1.");
        if (ensemble > 1 && parse.GetValue(_out) is not null)
            throw new UserErrorException("--out saves one model; the model file cannot hold an ensemble yet. Add --ensemble 1 to save a single model of the recipe.");
        training.Validate();
        var file = new RatingsFileOptions
        {
            Delimiter = parse.GetValue(_delimiter),
            HasHeader = parse.GetValue(_header),
            UserColumn = parse.GetValue(_userCol),
            ItemColumn = parse.GetValue(_itemCol),
            RatingColumn = parse.GetValue(_ratingCol),
            TimestampColumn = parse.GetValue(_timestampCol),
            // Training never reads timestamps: keep them only when a column is named (so a wrong name is still an error).
            ReadTimestamps = parse.GetValue(_timestampCol) is not null,
        };
        return new TrainRequest(training, file, parse.GetValue(_validFile), parse.GetValue(_out), parse.GetValue(_plot), parse.GetValue(_dataDir), parse.GetValue(_json), ensemble);
    }

    internal static OutputRange ParseRange(string text)
    {
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
