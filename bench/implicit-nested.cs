#:project ../src/Collab/Collab.csproj

// Nested selection of the implicit models' regularisation on ml-latest-small, every rating as an interaction.
// Outer: per-user stratified 75/25 splits, seeds 1-3 (the figures reported in docs/evaluation.md). Inner: the same
// split of each outer training part only (seed + 100); every setting is chosen there by NDCG@10, then trained on
// the whole outer training part and scored once on the outer test rows, which the choice never saw.
// Run from the repository root: COLLAB_DATA=../shared/data dotnet run -c Release bench/implicit-nested.cs
using System.Diagnostics;
using System.Globalization;
using Collab.Data;
using Collab.Evaluation;
using Collab.Models;
using Collab.Models.Implicit;
using Collab.Training;

var data = Environment.GetEnvironmentVariable("COLLAB_DATA") ?? "../shared/data";
var all = ImplicitFeedback.Binarize(RatingsTable.FromFile(Path.Combine(data, "ml-latest-small", "ratings.csv")), 0);
var ndcg = Metric.Parse("ndcg@10");
double[] ialsLambdas = [0.005, 0.01, 0.02, 0.05];
double[] ialsUnobserved = [0.03, 0.1, 0.3];
double[] easeLambdas = [100, 300, 1000];

EvaluationOptions Options(ModelKind kind, TrainingOptions training) => new()
{
    Model = kind,
    Training = training,
    Metrics = [.. Metric.Parse("precision@10,recall@10,ndcg@10,map@10")],
    ImplicitInput = true,
};
TrainingOptions Ials(double lambda, double unobserved) => Recipes.ForModel(ModelKind.Ials) with { Ials = new IalsOptions { Regularization = lambda, UnobservedWeight = unobserved } };
TrainingOptions Ease(double lambda) => Recipes.ForModel(ModelKind.Ease) with { Ease = new EaseOptions { Lambda = lambda } };
double Score(RatingsTable table, DataSplit split, ModelKind kind, TrainingOptions training) =>
    Evaluator.RunOnSplit(table, split, Options(kind, training) with { Metrics = ndcg }).Models[0]["ndcg@10"]!.Mean;

var results = new Dictionary<string, List<double>>();
var chosen = new List<string>();
void Add(string model, double value) => (results.TryGetValue(model, out var list) ? list : results[model] = []).Add(value);
foreach (ulong seed in new ulong[] { 1, 2, 3 })
{
    var outer = DataSplit.Stratified(all, 0.25, seed);
    var train = Subset(all, outer.Train);
    var inner = DataSplit.Stratified(train, 0.25, seed + 100);
    var watch = Stopwatch.StartNew();
    var bestIals = (from l in ialsLambdas from a in ialsUnobserved select (l, a)).MaxBy(p => Score(train, inner, ModelKind.Ials, Ials(p.l, p.a)));
    var bestEase = easeLambdas.MaxBy(l => Score(train, inner, ModelKind.Ease, Ease(l)));
    chosen.Add($"seed {seed}: ials λ {bestIals.l}, α0 {bestIals.a}; ease λ {bestEase} (inner search {watch.Elapsed.TotalSeconds:F0} s)");
    Console.WriteLine(chosen[^1]);
    foreach (var (kind, training) in new[] { (ModelKind.Ials, Ials(bestIals.l, bestIals.a)), (ModelKind.Ease, Ease(bestEase)), (ModelKind.Bpr, Recipes.ForModel(ModelKind.Bpr)) })
    {
        var report = Evaluator.RunOnSplit(all, outer, Options(kind, training) with { Training = training with { Seed = seed } });
        foreach (var model in report.Models)
        {
            Add(model.Name, model["ndcg@10"]!.Mean);
            if (!model.IsBaseline)
                Add(model.Name + " train s", model.TrainSeconds!.Mean);
        }
    }
}
Console.WriteLine();
Console.WriteLine("| model | NDCG@10 (mean ± std over outer seeds 1-3) | runs |");
Console.WriteLine("|---|---|---|");
foreach (var (model, values) in results.OrderBy(r => r.Key, StringComparer.Ordinal))
{
    double mean = values.Average(), std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / Math.Max(1, values.Count - 1));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {model} | {mean:F4} ± {std:F4} | {values.Count} |"));
}

static RatingsTable Subset(RatingsTable table, ReadOnlySpan<int> rows)
{
    var triples = new List<(string, string, float)>(rows.Length);
    foreach (int r in rows)
        triples.Add((table.UserIds[table.Users[r]], table.ItemIds[table.Items[r]], table.Ratings[r]));
    return RatingsTable.FromTriples(triples, table.Source + " (outer training part)");
}
