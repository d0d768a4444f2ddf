using System.CommandLine;
using Collab.Models;
using Collab.Training;
using Collab.Training.Optimizers;

namespace Collab.Cli.Commands;

/// <summary>The options of <c>collab train</c>, with fastai's (or the lesson's) defaults shown in --help.</summary>
internal sealed class TrainOptionSet
{
    private readonly Option<double> _validPct = new("--valid-pct") { Description = "Share of rows held out at random for validation (fastai: 0.2); 0 trains on every row, for a production model.", DefaultValueFactory = _ => CollabDefaults.ValidPct };
    private readonly Option<string?> _validFile = new("--valid-file") { Description = "A second ratings file to validate on instead of a random split (e.g. MovieLens u1.test)." };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed for split, initial weights and shuffling.", DefaultValueFactory = _ => CollabDefaults.Seed };
    private readonly Option<int?> _factors = new("--factors") { Description = "Latent factors per user and item (accurate: 100; lesson, fastai: 50)." };
    private readonly Option<string?> _yRange = new("--y-range") { Description = "Output range low,high for the sigmoid, or 'none' (accurate: 0,5.75; lesson, fastai: 0,5.5)." };
    private readonly Option<int?> _epochs = new("--epochs") { Description = "Epochs of one-cycle training (accurate, lesson: 5; fastai: 3)." };
    private readonly Option<double?> _lr = new("--lr") { Description = "Peak learning rate of the one cycle (every recipe: 5e-3; fastai's own default: 1e-3)." };
    private readonly Option<double?> _wd = new("--wd") { Description = "Decoupled weight decay (accurate: 0.6 on factors; lesson: 0.1; fastai: 0.01)." };
    private readonly Option<int?> _bs = new("--bs") { Description = "Batch size (every recipe: 64)." };
    private readonly Option<double?> _eps = new("--eps") { Description = "Adam's epsilon (every recipe: 1e-5, fastai v2's; v1: 1e-8)." };
    private readonly Option<string?> _mode = new("--mode") { Description = "'exact' reproduces fastai (dense Adam over whole tables, untouched rows' steps deferred; lesson, fastai); 'fast' takes one row-wise RMSprop step per rating over cache-sized blocks of the ratings, on all cores (accurate)." };
    private readonly Option<FastOptimizer> _fastOptimizer = new("--fast-optimizer") { Description = "Fast mode's row update: RowRms (row-wise RMSprop per rating, fastest) or LazyAdam (Adam per batch on the rows it touches).", DefaultValueFactory = _ => FastOptimizer.RowRms };
    private readonly Option<int?> _threads = new("--threads") { Description = "Threads per model (0: one per core; accurate: 1, its seeds train side by side on all cores). Fast mode trains batches in parallel; exact mode brings rows up to date in parallel at epoch ends. --threads 1 is deterministic in both." };
    private readonly Option<double?> _biasWd = new("--bias-wd") { Description = "Weight decay of the bias tables, fast mode only (accurate: 0.01; otherwise the same as --wd)." };
    private readonly Option<string?> _recipe = new("--recipe") { Description = "The recipe to start from: 'accurate' (most accurate: 10 seeds merged), 'lesson' (the lesson's ML-100k recipe) or 'fastai' (fastai's defaults, the lesson's sample run); options given explicitly override it (docs/accuracy.md).", DefaultValueFactory = _ => Recipes.Names[0] };
    private readonly Option<int?> _ensemble = new("--ensemble") { Description = "Train this many seeds and merge them into one model of --factors factors (accurate: 10; lesson, fastai: 1)." };
    private readonly Option<string?> _model = new("--model") { Description = "The model: dot (the lesson's dot product with biases), nn (fastai's neural variant) on ratings; ials (implicit alternating least squares), ease (closed-form item-item, up to 20,000 items), bpr or bce (ranking losses) on who-interacted-with-what. Default: dot on a rated file; ials on a file without ratings (two columns, or --implicit)." };
    private readonly Option<float?> _implicit = new("--implicit") { Description = "Treat a rated file as 'who interacted with what': rows rated at least this value (e.g. 4) are interactions, the rest are dropped." };
    private readonly Option<string> _sampling = new("--sampling") { Description = "How each epoch draws its rows (exact mode): 'permutation' (every row once) or 'with-replacement' (fastai 2.7.18's loader: uniform draws, some rows twice, about a third of them not at all).", DefaultValueFactory = _ => "permutation" };
    private readonly Option<string?> _items = new("--items") { Description = "Item attributes for --model bayes (the accurate recipe): a MovieLens items file (movies.csv, u.item, movies.dat); genres and decade become features. Default: the one beside the ratings; 'none' for none." };
    private readonly Option<string?> _users = new("--users") { Description = "User attributes for --model bayes: u.user or users.dat (age, gender, occupation, zip region). Default: the one beside the ratings; 'none' for none." };
    private readonly Option<string?> _out = new("--out", "-o") { Description = "Save the trained model to this file." };
    private readonly Option<string?> _plot = new("--plot") { Description = "Save the training and validation losses as a PNG." };
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Option<string?> _dataDir = CommonOptions.DataDir();
    private readonly RatingsFileOptionSet _file = new(allowNoRatings: false);

    private IEnumerable<Option> GradientOnly => [_yRange, _lr, _wd, _bs, _eps, _mode, _biasWd, _ensemble, _plot];

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _validPct, _validFile, _seed, _factors, _yRange, _epochs, _lr, _wd, _bs, _eps, _mode, _fastOptimizer, _threads, _biasWd, _recipe, _ensemble, _model, _implicit, _sampling, _items, _users, _out, _plot, _json, _dataDir })
            command.Options.Add(option);
        _file.AddTo(command);
    }

    /// <summary>
    /// Reads the request; <paramref name="withoutRatings"/> says the file has no rating column (it holds interactions).
    /// <paramref name="ratings"/>, when known, lets the default recipe give way to the dot ensemble on large files.
    /// </summary>
    public TrainRequest Read(ParseResult parse, bool withoutRatings, int? ratings = null)
    {
        var threshold = parse.GetValue(_implicit);
        if (threshold is { } t && !float.IsFinite(t))
            throw new UserErrorException("--implicit takes a finite rating, e.g. 4.");
        bool interactions = withoutRatings || threshold is not null;
        var named = ReadModel(parse.GetValue(_model), interactions);
        bool recipeNamed = parse.GetResult(_recipe) is { Implicit: false };
        var recipeName = parse.GetValue(_recipe)!;
        // Without --model or --recipe, options only gradient training reads (or a large file) keep the dot ensemble.
        bool ensembleByDefault = named is null && !recipeNamed && !interactions
            && (GradientOnly.Any(o => parse.GetResult(o) is { Implicit: false }) || !FitsAccurate(ratings));
        var (recipe, members) = named switch
        {
            null when ensembleByDefault => Recipes.Named(Recipes.DotEnsemble),
            null => ReadRecipe(recipeName),
            _ when recipeNamed => ReadRecipe(recipeName),
            ModelKind.Dot => Recipes.Named(Recipes.DotEnsemble),
            { } asked => (Recipes.ForModel(asked), 1),
        };
        var kind = named ?? recipe.Model;
        if (kind != recipe.Model && (kind == ModelKind.Bayes || recipe.Model == ModelKind.Bayes))
            throw new UserErrorException($"The {recipeName} recipe trains the {ModelKindNames.Of(recipe.Model)} model, not {ModelKindNames.Of(kind)}: drop --recipe, or pick one of the {ModelKindNames.Of(kind)} model's.");
        recipe = recipe with { Model = kind, YRange = kind is ModelKind.Dot or ModelKind.Nn ? recipe.YRange : null };
        if (kind != ModelKind.Dot && members > 1 && parse.GetValue(_ensemble) is null)
            members = 1;
        var training = recipe with
        {
            ValidPct = parse.GetValue(_validPct),
            Seed = parse.GetValue(_seed),
            Factors = parse.GetValue(_factors) ?? recipe.Factors,
            YRange = parse.GetValue(_yRange) is { } yRange ? (yRange.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : ParseRange(yRange)) : recipe.YRange,
            FitYRangeToData = parse.GetValue(_yRange) is null,
            Epochs = parse.GetValue(_epochs) ?? recipe.Epochs,
            LearningRate = parse.GetValue(_lr) ?? recipe.LearningRate,
            WeightDecay = parse.GetValue(_wd) ?? recipe.WeightDecay,
            BiasWeightDecay = parse.GetValue(_biasWd) ?? recipe.BiasWeightDecay,
            BatchSize = parse.GetValue(_bs) ?? recipe.BatchSize,
            Epsilon = parse.GetValue(_eps) ?? recipe.Epsilon,
            Mode = parse.GetValue(_mode) is { } mode ? ParseMode(mode) : recipe.Mode,
            FastOptimizer = parse.GetValue(_fastOptimizer),
            Threads = parse.GetValue(_threads) ?? recipe.Threads,
            Sampling = ParseSampling(parse.GetValue(_sampling)!),
        };
        if (kind == ModelKind.Ials)
        {
            training = training with
            {
                Ials = training.Ials with
                {
                    Factors = parse.GetValue(_factors) ?? training.Ials.Factors,
                    Iterations = parse.GetValue(_epochs) ?? training.Ials.Iterations,
                    Seed = training.Seed,
                    Threads = training.Threads,
                },
            };
        }
        if (kind == ModelKind.Bayes && parse.GetValue(_plot) is not null)
            throw new UserErrorException("--plot draws the epoch losses of gradient training; the bayes model prints a line per sixteenth of its Gibbs chain instead. Drop --plot.");
        if (kind == ModelKind.Bayes)
            training = training with { Bayes = training.Bayes.WithChain(parse.GetValue(_factors), parse.GetValue(_epochs)) };
        int ensemble = parse.GetValue(_ensemble) ?? members;
        if (ensemble < 1)
            throw new UserErrorException("--ensemble must be at least 1.");
        if (ensemble > 1 && kind != ModelKind.Dot)
            throw new UserErrorException($"--ensemble merges dot models; the {ModelKindNames.Of(kind)} model trains one seed. Drop --ensemble or use --model dot.");
        training.Validate();
        // Training never reads timestamps: keep them only when a column is named (so a wrong name is still an error).
        var file = _file.Read(parse) with { ReadTimestamps = _file.NamesTimestamp(parse), HasRatingColumn = !withoutRatings };
        return new TrainRequest(training, file, parse.GetValue(_validFile), parse.GetValue(_out), parse.GetValue(_plot), parse.GetValue(_dataDir), parse.GetValue(_json), ensemble)
        {
            ImplicitThreshold = threshold,
            WithoutRatings = withoutRatings,
            EnsembleFromRecipe = parse.GetValue(_ensemble) is null,
            EnsembleForSize = ensembleByDefault && !FitsAccurate(ratings),
            ItemsFile = parse.GetValue(_items),
            UsersFile = parse.GetValue(_users),
        };
    }

    /// <summary>Whether a file of this many ratings (null: not yet known) trains the accurate recipe by default.</summary>
    public static bool FitsAccurate(int? ratings) => ratings is not { } n || n is >= Recipes.AccurateRatingsMinimum and <= Recipes.AccurateRatingsLimit;

    /// <summary>The --data-dir value.</summary>
    public string? DataDir(ParseResult parse) => parse.GetValue(_dataDir);

    /// <summary>The --json value.</summary>
    public bool Json(ParseResult parse) => parse.GetValue(_json);

    /// <summary>The --delimiter value.</summary>
    public string? Delimiter(ParseResult parse) => _file.Delimiter(parse);

    /// <summary>True when the ratings options name a rating column (so a two-column guess must not override it).</summary>
    public bool NamesRatingColumn(ParseResult parse) => _file.NamesRating(parse);

    // Null: no --model on a rated file, so the recipe's kind is trained.
    private static ModelKind? ReadModel(string? name, bool interactions)
    {
        if (name is null)
            return interactions ? ModelKind.Ials : null;
        if (!ModelKindNames.TryParse(name, out var kind))
            throw new UserErrorException($"--model '{name}' is not a model 'train' knows; use {string.Join(", ", ModelKindNames.All)}.");
        if (interactions && ModelKindTraits.PredictsRatings(kind))
            throw new UserErrorException($"The {name} model learns ratings, and this file has none (or --implicit dropped them). Use --model bpr or bce.");
        return kind;
    }

    private static (TrainingOptions Options, int Members) ReadRecipe(string name)
    {
        try
        {
            return Recipes.Named(name);
        }
        catch (ArgumentException e)
        {
            throw new UserErrorException($"--recipe: {e.Message}");
        }
    }

    private static RowSampling ParseSampling(string text) => text.ToLowerInvariant() switch
    {
        "permutation" => RowSampling.Permutation,
        "with-replacement" => RowSampling.WithReplacement,
        _ => throw new UserErrorException($"--sampling '{text}' is not a sampling; use 'permutation' or 'with-replacement'."),
    };

    private static TrainingMode ParseMode(string text) =>
        Enum.TryParse<TrainingMode>(text, ignoreCase: true, out var mode) && Enum.IsDefined(mode) ? mode
            : throw new UserErrorException($"--mode '{text}' is not a training mode; use 'exact' or 'fast'.");

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
