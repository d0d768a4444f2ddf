#:project ../src/Collab/Collab.csproj

// The accurate recipe (the Bayesian FM) against the dot ensemble on data the choice never saw: the lesson's MovieLens
// sample (random 80/20 splits, seeds 1-5) and planted synthetic ratings with known noise (seeds 1-3). Each seed
// trains both models on the same split. Run from the repository root:
// COLLAB_DATA=../shared/data dotnet run -c Release bench/bayes-other-data.cs
using System.Diagnostics;
using System.Globalization;
using Collab.Data;
using Collab.Data.Synthetic;
using Collab.Training;

var data = Environment.GetEnvironmentVariable("COLLAB_DATA") ?? "../shared/data";
var sample = RatingsTable.FromFile(Path.Combine(data, "movie_lens_sample", "ratings.csv"));

void Compare(string name, Func<ulong, RatingsTable> tableFor, ulong[] seeds)
{
    var rows = new List<(double Bayes, double Ensemble, double BayesSeconds, double EnsembleSeconds)>();
    foreach (var seed in seeds)
    {
        var table = tableFor(seed);
        var split = DataSplit.Random(table.Count, 0.2, seed);
        var watch = Stopwatch.StartNew();
        var bayes = CollabTrainer.Train(table, Recipes.Accurate with { Seed = seed }, split).Summary.ValidRmse;
        double bayesSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var ensemble = SeedEnsemble.Train(table, Recipes.Ensemble with { Seed = seed }, Recipes.EnsembleMembers, split).Merged.Summary.ValidRmse;
        rows.Add((bayes, ensemble, bayesSeconds, watch.Elapsed.TotalSeconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} seed {seed}: bayes {bayes:F4} ({bayesSeconds:F1} s), ensemble {ensemble:F4} ({watch.Elapsed.TotalSeconds:F1} s)"));
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name} mean: bayes {rows.Average(r => r.Bayes):F4}, ensemble {rows.Average(r => r.Ensemble):F4}, difference {rows.Average(r => r.Bayes - r.Ensemble):+0.0000;-0.0000}"));
}

Compare("MovieLens sample", _ => sample, [1, 2, 3, 4, 5]);
// 2,000 users x 1,000 items, 100k ratings from a rank-8 planted model with rating noise 0.5 (the floor of any RMSE).
Compare("synthetic (noise 0.5)", seed => SyntheticRatings.Create(new SyntheticRatingsOptions { Users = 2000, Items = 1000, Ratings = 100_000, Seed = seed }).ToTable(), [1, 2, 3]);
