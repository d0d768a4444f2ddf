#:project ../src/Collab/Collab.csproj

// The accuracy protocol of the rating models (docs/accuracy.md): nested cross-validation on ml-latest-small.
// Outer: 5 random folds (seed 1); each model is trained on four folds and scored once on the fifth. Inner: the Bayesian
// FM's rank is chosen on a random 80/20 split of the outer training part only (seed 100 + fold), then
// trained on the whole outer training part. Today's dot ensemble and the lesson's recipe keep their published constants.
// Run from the repository root: COLLAB_DATA=../shared/data dotnet run -c Release bench/bayes-nested.cs [folds]
using System.Diagnostics;
using System.Globalization;
using Collab.ColdStart.Metadata;
using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Training;
using Collab.Training.Bayesian;

var data = Environment.GetEnvironmentVariable("COLLAB_DATA") ?? "../shared/data";
int foldsToRun = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var ratingsPath = Path.Combine(data, "ml-latest-small", "ratings.csv");
var moviesPath = Path.Combine(data, "ml-latest-small", "movies.csv");
var table = RatingsTable.FromFile(ratingsPath);
var genres = FeatureSource.MovieLensItems(moviesPath).Encode(FeatureColumn.MovieLensItemIndicators).ToAttributes(moviesPath);

// The features are what `collab train` builds from these files: ids, rated-item and rater sets, movies.csv's genres
// and decade. Only the rank is chosen, inside each outer training part.
(string Name, BayesOptions Options)[] candidates =
[
    ("rank 10", new BayesOptions { Rank = 10, ItemAttributes = genres }),
    ("rank 20", new BayesOptions { Rank = 20, ItemAttributes = genres }),
];

double Bayes(DataSplit split, BayesOptions options, out double seconds)
{
    var watch = Stopwatch.StartNew();
    var trained = CollabTrainer.Train(table, new TrainingOptions { Model = ModelKind.Bayes, Bayes = options }, split);
    seconds = watch.Elapsed.TotalSeconds;
    return trained.Summary.ValidRmse;
}

var results = new Dictionary<string, List<(double Rmse, double Seconds)>>();
void Record(string name, double rmse, double seconds)
{
    if (!results.TryGetValue(name, out var list))
        results[name] = list = [];
    list.Add((rmse, seconds));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} {rmse:F4}  {seconds,6:F1} s"));
}

var folds = DataSplit.KFold(table.Count, 5, 1);
for (int f = 0; f < foldsToRun; f++)
{
    var outer = folds[f];
    Console.WriteLine($"outer fold {f + 1}: {outer.Train.Length:N0} training rows, {outer.Valid.Length:N0} test rows");
    var shuffled = outer.Train.ToArray();
    new SeededRandom(100 + (ulong)f).Shuffle(shuffled.AsSpan());
    int innerValid = shuffled.Length / 5;
    var inner = new DataSplit(shuffled[innerValid..], shuffled[..innerValid]);
    var scored = candidates.Select(c => (c.Name, c.Options, Rmse: Bayes(inner, c.Options, out double s), Seconds: s)).ToList();
    foreach (var c in scored)
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    inner {c.Name,-24} {c.Rmse:F4}  {c.Seconds,6:F1} s"));
    var chosen = scored.MinBy(c => c.Rmse);
    Console.WriteLine($"    chosen: {chosen.Name}");
    Record("bayes (inner choice)", Bayes(outer, chosen.Options, out double bs), bs);
    results.TryAdd("chosen " + chosen.Name, []);
    results["chosen " + chosen.Name].Add((0, 0));

    var watch = Stopwatch.StartNew();
    var ensemble = SeedEnsemble.Train(table, Recipes.Ensemble, Recipes.EnsembleMembers, outer).Merged;
    Record("dot ensemble (today)", ensemble.Summary.ValidRmse, watch.Elapsed.TotalSeconds);
    watch.Restart();
    var lesson = CollabTrainer.Train(table, Recipes.Lesson, outer);
    Record("lesson recipe", lesson.Summary.ValidRmse, watch.Elapsed.TotalSeconds);
}

Console.WriteLine();
Console.WriteLine($"outer {foldsToRun}-fold summary (mean ± sd of RMSE, median fit time):");
foreach (var (name, list) in results)
{
    if (name.StartsWith("chosen ", StringComparison.Ordinal))
    {
        Console.WriteLine($"  {name}: {list.Count} fold(s)");
        continue;
    }
    double mean = list.Average(r => r.Rmse);
    double sd = Math.Sqrt(list.Sum(r => (r.Rmse - mean) * (r.Rmse - mean)) / Math.Max(1, list.Count - 1));
    double median = list.Select(r => r.Seconds).Order().ElementAt(list.Count / 2);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-28} {mean:F4} ± {sd:F4}  fit {median:F1} s"));
}
