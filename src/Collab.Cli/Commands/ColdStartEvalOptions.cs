using System.CommandLine;
using System.Globalization;
using Collab.Cli.Files;
using Collab.ColdStart;
using Collab.ColdStart.Metadata;
using Collab.ColdStart.Questions;
using Collab.Evaluation.ColdStart;
using Collab.Training;

namespace Collab.Cli.Commands;

/// <summary>The options of <c>collab coldstart-eval</c>; defaults come from the library's option records.</summary>
internal sealed class ColdStartEvalOptions
{
    private static readonly ColdUserOptions Users = new();
    private static readonly ColdItemOptions Items = new();

    private readonly Option<string> _protocol = new("--protocol") { Description = "Which protocol: 'users', 'items' or 'both'.", DefaultValueFactory = _ => "both" };
    private readonly Option<string> _reveals = new("--reveals") { Description = "Cold users: ratings revealed per held-out user, comma-separated.", DefaultValueFactory = _ => string.Join(',', Users.Reveals) };
    private readonly Option<double> _heldOutItems = new("--held-out-items") { Description = "Cold items: share of items held out of training.", DefaultValueFactory = _ => Items.HeldOutShare };
    private readonly Option<string> _itemReveals = new("--item-reveals") { Description = "Cold items: ratings revealed per held-out item for the blend curve, comma-separated.", DefaultValueFactory = _ => string.Join(',', Items.Reveals) };
    private readonly Option<string?> _itemsFile = new("--items") { Description = "Cold items: the item metadata file (default: movies.csv, u.item or movies.dat beside the ratings)." };
    private readonly Option<string?> _idColumn = new("--id-column") { Description = "Cold items: the id column of a metadata file that is not a MovieLens one." };
    private readonly Option<string?> _columns = new("--columns") { Description = "Cold items: metadata columns as name[:kind[:argument]], comma-separated (default: genres:tags,year:bucket:10,year:number)." };
    private readonly Option<double> _ridge = new("--ridge") { Description = "Metadata model: ridge penalty.", DefaultValueFactory = _ => Items.Metadata.Ridge };
    private readonly Option<string> _budgets = new("--questions") { Description = "Cold users: numbers of questions for the questionnaire-vs-random-questions curve, comma-separated.", DefaultValueFactory = _ => string.Join(',', Users.Budgets) };
    private readonly Option<double> _heldOutUsers = new("--held-out-users") { Description = "Cold users: share of users held out of training.", DefaultValueFactory = _ => Users.HeldOutShare };
    private readonly Option<int> _folds = new("--folds") { Description = "Cold users: disjoint held-out groups evaluated in turn (5 with --held-out-users 0.2 covers every user).", DefaultValueFactory = _ => Users.Folds };
    private readonly Option<double> _testShare = new("--test-share") { Description = "Cold users: share of each held-out user's ratings kept as test ratings.", DefaultValueFactory = _ => Users.TestShare };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Seed of the held-out choice, training and reveals.", DefaultValueFactory = _ => Users.Seed };
    private readonly Option<int> _epochs = new("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => Users.Training.Epochs };
    private readonly Option<double> _lr = new("--lr") { Description = "Peak learning rate.", DefaultValueFactory = _ => Users.Training.LearningRate };
    private readonly Option<double> _wd = new("--wd") { Description = "Weight decay.", DefaultValueFactory = _ => Users.Training.WeightDecay };
    private readonly Option<int> _factors = new("--factors") { Description = "Latent factors.", DefaultValueFactory = _ => Users.Training.Factors };
    private readonly Option<string> _mode = new("--mode") { Description = "Training mode: 'fast' or 'exact'.", DefaultValueFactory = _ => "fast" };
    private readonly Option<int> _threads = new("--threads") { Description = "Training threads (1 is deterministic; 0 one per core).", DefaultValueFactory = _ => Users.Training.Threads };
    private readonly Option<string> _method = new("--method") { Description = "Fold-in solver: 'newton' (damped Gauss-Newton on the true loss) or 'logit' (least squares through the sigmoid's inverse).", DefaultValueFactory = _ => "newton" };
    private readonly Option<double> _priorWeight = new("--prior-weight") { Description = "Fold-in: weight of the prior (the rating noise variance).", DefaultValueFactory = _ => Users.FoldIn.PriorWeight };
    private readonly Option<int> _roundSize = new("--round-size") { Description = "Questionnaire: items per round.", DefaultValueFactory = _ => Users.Questionnaire.RoundSize };
    private readonly Option<int> _minRatings = new("--min-ratings") { Description = "Questionnaire: ask only about items with at least this many training ratings.", DefaultValueFactory = _ => Users.Questionnaire.MinRatings };
    private readonly Option<double> _popularity = new("--popularity") { Description = "Questionnaire: exponent of the chance of having seen an item.", DefaultValueFactory = _ => Users.Questionnaire.PopularityExponent };

    public IEnumerable<Option> All => [_heldOutItems, _itemReveals, _itemsFile, _idColumn, _columns, _ridge, _protocol, _reveals, _budgets, _heldOutUsers, _folds, _testShare, _seed, _epochs, _lr, _wd, _factors, _mode, _threads, _method, _priorWeight, _roundSize, _minRatings, _popularity];

    public string Protocol(ParseResult parse) => parse.GetValue(_protocol)!.ToLowerInvariant() switch
    {
        "users" or "items" or "both" => parse.GetValue(_protocol)!.ToLowerInvariant(),
        var other => throw new UserErrorException($"--protocol '{other}' is not a protocol; use 'users', 'items' or 'both'."),
    };

    public ColdUserOptions ReadUsers(ParseResult parse)
    {
        var modeText = parse.GetValue(_mode);
        if (!Enum.TryParse<TrainingMode>(modeText, ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
            throw new UserErrorException($"--mode '{modeText}' is not a training mode; use 'exact' or 'fast'.");
        var method = parse.GetValue(_method)!.ToLowerInvariant() switch
        {
            "newton" => FoldInMethod.DampedNewton,
            "logit" => FoldInMethod.LogitLeastSquares,
            var other => throw new UserErrorException($"--method '{other}' is not a fold-in method; use 'newton' or 'logit'."),
        };
        var options = new ColdUserOptions
        {
            HeldOutShare = parse.GetValue(_heldOutUsers),
            Folds = parse.GetValue(_folds),
            TestShare = parse.GetValue(_testShare),
            Reveals = ParseCounts("--reveals", parse.GetValue(_reveals)!),
            Budgets = ParseCounts("--questions", parse.GetValue(_budgets)!),
            Seed = parse.GetValue(_seed),
            Training = Users.Training with
            {
                Epochs = parse.GetValue(_epochs),
                LearningRate = parse.GetValue(_lr),
                WeightDecay = parse.GetValue(_wd),
                Factors = parse.GetValue(_factors),
                Mode = mode,
                Threads = parse.GetValue(_threads),
                Seed = parse.GetValue(_seed),
            },
            FoldIn = new FoldInOptions { Method = method, PriorWeight = parse.GetValue(_priorWeight) },
            Questionnaire = new QuestionnaireOptions
            {
                RoundSize = parse.GetValue(_roundSize),
                MinRatings = parse.GetValue(_minRatings),
                PopularityExponent = parse.GetValue(_popularity),
            },
        };
        options.Validate();
        return options;
    }

    /// <summary>The cold-item settings; training, seed and fold-in are shared with the cold-user ones.</summary>
    public ColdItemOptions ReadItems(ParseResult parse, ColdUserOptions users)
    {
        var options = new ColdItemOptions
        {
            HeldOutShare = parse.GetValue(_heldOutItems),
            Reveals = ParseCounts("--item-reveals", parse.GetValue(_itemReveals)!),
            TestShare = users.TestShare,
            Seed = users.Seed,
            Columns = MetadataFiles.Columns(parse.GetValue(_columns), FeatureColumn.MovieLensItems),
            Training = users.Training,
            FoldIn = users.FoldIn,
            Metadata = new MetadataOptions { Ridge = parse.GetValue(_ridge) },
        };
        options.Validate();
        return options;
    }

    /// <summary>The item metadata for the cold-item protocol.</summary>
    public FeatureSource ReadItemMetadata(ParseResult parse, string ratingsPath)
    {
        var path = parse.GetValue(_itemsFile) ?? MetadataFiles.ItemsBeside(ratingsPath)
            ?? throw new UserErrorException($"no item metadata: no movies.csv, u.item or movies.dat beside {ratingsPath}. Give --items FILE, or --protocol users.");
        return MetadataFiles.ReadItems(path, parse.GetValue(_idColumn));
    }

    private static int[] ParseCounts(string option, string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var reveals = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out reveals[i]))
                throw new UserErrorException($"{option}: '{parts[i]}' is not a whole number 0 or more.");
        }
        return reveals;
    }
}
