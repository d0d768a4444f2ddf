using System.CommandLine;
using System.Globalization;
using Collab.Evaluation;
using Collab.Models;
using Collab.Models.Implicit;
using Collab.Training;

namespace Collab.Cli.Commands;

/// <summary>The options of <c>collab evaluate</c>; training options left unset take the model's defaults (<see cref="Recipes.ForModel"/>).</summary>
internal sealed class EvaluateOptionSet
{
    private static readonly TrainingOptions Rating = Recipes.ForModel(ModelKind.Dot);
    private static readonly TrainingOptions Ranking = Recipes.ForModel(ModelKind.Bpr);
    private readonly Option<string> _model = new("--model") { Description = "Model: dot (the lesson's), nn (fastai's neural variant) on ratings; ials, ease, bpr or bce on implicit feedback. For ials --factors, --epochs (sweeps) and --wd (λ) apply; for ease --wd is λ.", DefaultValueFactory = _ => "dot" };
    private readonly Option<string> _split = new("--split") { Description = "Split: random, time (global cut), last or last:k (each user's latest k), user (cold start), stratified or stratified:m (--valid-pct of each user's rows; users with fewer than m rows dropped), kfold:k.", DefaultValueFactory = _ => "random" };
    private readonly Option<string?> _validFile = new("--valid-file") { Description = "A test file to evaluate on instead of a split: the source trains, this file is held out (e.g. MovieLens u1.base and u1.test)." };
    private readonly Option<double> _validPct = new("--valid-pct") { Description = "Share held out by the random, time, user and stratified splits.", DefaultValueFactory = _ => CollabDefaults.ValidPct };
    private readonly Option<string?> _metrics = new("--metrics") { Description = "Comma-separated: rmse, mae, precision@k, recall@k, ndcg@k, map@k, hit@k, coverage@k (k defaults to 10). Default: all at 10; on implicit feedback precision, recall, ndcg and map at 10." };
    private readonly Option<int> _seeds = new("--seeds") { Description = "Repeat with this many seeds (seed, seed+1, ...) and report mean and spread.", DefaultValueFactory = _ => 1 };
    private readonly Option<float?> _implicit = new("--implicit") { Description = "Binarise ratings: rows rated at least this value (e.g. 4) are positives, the rest are dropped." };
    private readonly Option<float?> _relevant = new("--relevant") { Description = "On ratings: held-out rows rated at least this value are relevant for ranking metrics (default: all)." };
    private readonly Option<ulong> _seed = new("--seed") { Description = "First seed for splits, initial weights, shuffling and negatives.", DefaultValueFactory = _ => CollabDefaults.Seed };
    private readonly Option<int?> _factors = new("--factors") { Description = $"Latent factors of the dot-bias models (default {Rating.Factors})." };
    private readonly Option<string?> _yRange = new("--y-range") { Description = "Output range low,high or 'none' (default: 0,5.5 for dot and nn; none for bpr and bce)." };
    private readonly Option<int?> _epochs = new("--epochs") { Description = $"Epochs of one-cycle training (default: {Rating.Epochs}; {Ranking.Epochs} for bpr and bce)." };
    private readonly Option<double?> _lr = new("--lr") { Description = FormattableString.Invariant($"Peak learning rate (default: {Rating.LearningRate}; {Ranking.LearningRate} for bpr and bce).") };
    private readonly Option<double?> _wd = new("--wd") { Description = FormattableString.Invariant($"Decoupled weight decay (default: {Rating.WeightDecay}; {Ranking.WeightDecay} for bpr and bce).") };
    private readonly Option<int?> _bs = new("--bs") { Description = $"Batch size (default {Rating.BatchSize})." };
    private readonly Option<string> _layers = new("--layers") { Description = "nn: hidden layer widths, comma-separated.", DefaultValueFactory = _ => string.Join(',', CollabDefaults.NeuralLayers) };
    private readonly Option<double> _embedDrop = new("--emb-drop") { Description = "nn: dropout on the concatenated embeddings (fastai's embed_p).", DefaultValueFactory = _ => 0 };
    private readonly Option<string?> _ps = new("--ps") { Description = "nn: dropout after each hidden layer, comma-separated (fastai's ps; default none)." };
    private readonly Option<int> _negatives = new("--negatives") { Description = "bce: negatives per positive.", DefaultValueFactory = _ => CollabDefaults.Negatives };
    private readonly Option<string> _sampling = new("--sampling") { Description = "bpr/bce: how negatives are drawn: uniform or popularity.", DefaultValueFactory = _ => "uniform" };
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Option<string?> _dataDir = CommonOptions.DataDir();
    private readonly RatingsFileOptionSet _file = new();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _model, _split, _validFile, _validPct, _metrics, _seeds, _implicit, _relevant, _seed, _factors, _yRange, _epochs, _lr, _wd, _bs, _layers, _embedDrop, _ps, _negatives, _sampling, _json, _dataDir })
            command.Options.Add(option);
        _file.AddTo(command);
    }

    /// <summary>Reads the request; <paramref name="withoutRatings"/> says the file has no rating column (two fields per line).</summary>
    public EvaluateRequest Read(ParseResult parse, bool withoutRatings)
    {
        var file = _file.Read(parse);
        file = file with { HasRatingColumn = file.HasRatingColumn && !withoutRatings };
        bool interactions = !file.HasRatingColumn || parse.GetValue(_implicit) is not null;
        // Without --model, interactions get the default implicit model, as 'collab train' does.
        var kind = parse.GetResult(_model) is { Implicit: false } || !interactions
            ? Parse<ModelKind>(parse.GetValue(_model)!, "--model", string.Join(", ", ModelKindNames.All))
            : ModelKind.Ials;
        var defaults = Recipes.ForModel(kind);
        var yRange = parse.GetValue(_yRange);
        var training = defaults with
        {
            Seed = parse.GetValue(_seed),
            Factors = parse.GetValue(_factors) ?? defaults.Factors,
            YRange = yRange is null ? defaults.YRange : yRange.Equals("none", StringComparison.OrdinalIgnoreCase) ? null : Guard("--y-range", () => OutputRange.Parse(yRange)),
            Epochs = parse.GetValue(_epochs) ?? defaults.Epochs,
            LearningRate = parse.GetValue(_lr) ?? defaults.LearningRate,
            WeightDecay = parse.GetValue(_wd) ?? defaults.WeightDecay,
            BatchSize = parse.GetValue(_bs) ?? defaults.BatchSize,
        };
        if (kind == ModelKind.Ials)
        {
            training = training with
            {
                Ials = training.Ials with
                {
                    Factors = parse.GetValue(_factors) ?? training.Ials.Factors,
                    Iterations = parse.GetValue(_epochs) ?? training.Ials.Iterations,
                    Regularization = parse.GetValue(_wd) ?? training.Ials.Regularization,
                },
            };
        }
        else if (kind == ModelKind.Bayes)
        {
            training = training with { Bayes = training.Bayes.WithChain(parse.GetValue(_factors), parse.GetValue(_epochs)) };
        }
        else if (kind == ModelKind.Ease && parse.GetValue(_wd) is { } lambda)
        {
            training = training with { Ease = training.Ease with { Lambda = lambda } };
        }
        var options = new EvaluationOptions
        {
            Model = kind,
            Split = Guard("--split", () => SplitProtocol.Parse(parse.GetValue(_split)!, parse.GetValue(_validPct))),
            Seeds = parse.GetValue(_seeds),
            Training = training,
            Neural = new() { Layers = Guard("--layers", () => Numbers(parse.GetValue(_layers)!, int.Parse)), EmbeddingDropout = parse.GetValue(_embedDrop), LayerDropout = parse.GetValue(_ps) is { } ps ? Guard("--ps", () => Numbers(ps, double.Parse)) : null },
            Implicit = new() { Negatives = parse.GetValue(_negatives), Sampling = Parse<NegativeSampling>(parse.GetValue(_sampling)!, "--sampling", "uniform or popularity") },
            ImplicitThreshold = parse.GetValue(_implicit),
            ImplicitInput = !file.HasRatingColumn,
            RelevanceThreshold = parse.GetValue(_relevant),
        };
        // Without --metrics the options choose: all of them on ratings, precision, recall, NDCG and MAP on implicit feedback.
        if (parse.GetValue(_metrics) is { } metrics)
            options = options with { Metrics = Guard("--metrics", () => Metric.Parse(metrics)) };
        var validFile = parse.GetValue(_validFile);
        if (validFile is not null && parse.GetResult(_split) is { Implicit: false })
            throw new UserErrorException("--valid-file gives the test rows, so --split has nothing to choose; use one or the other.");
        options.Validate();
        return new EvaluateRequest(options, file, validFile, parse.GetValue(_dataDir), parse.GetValue(_json));
    }

    /// <summary>The --data-dir value.</summary>
    public string? DataDir(ParseResult parse) => parse.GetValue(_dataDir);

    /// <summary>The --json value.</summary>
    public bool Json(ParseResult parse) => parse.GetValue(_json);

    /// <summary>The --delimiter value, and whether a rating column was named.</summary>
    public (string? Delimiter, bool NamesRating) FileHints(ParseResult parse) => (_file.Delimiter(parse), _file.NamesRating(parse));

    private static T Parse<T>(string text, string option, string choices) where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !text.All(char.IsAsciiDigit)
            ? value
            : throw new UserErrorException($"{option} '{text}' is not known; use {choices}.");

    private static T[] Numbers<T>(string text, Func<string, IFormatProvider, T> parse) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => parse(t, CultureInfo.InvariantCulture))];

    private static T Guard<T>(string option, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (FormatException e)
        {
            throw new UserErrorException($"{option}: {e.Message}");
        }
    }
}
