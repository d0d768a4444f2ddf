using System.Diagnostics;
using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Persistence;
using Collab.Recommend;
using Collab.Recommend.Approximate;

namespace Collab.Bench;

/// <summary>
/// Approximate top-N (HNSW through USearch) against the exact scan on a synthetic catalog, one query at a time; a whole
/// run, not a BenchmarkDotNet case, since one index build takes minutes. Run on one core (docs/benchmarks.md):
/// <c>taskset -c 1 dotnet run -c Release --project bench/Collab.Bench -- approximate [items] [factors] [connectivity]
/// [expansion add] [candidates per result, comma-separated] [repeats] [f16 (default) | f32]</c>.
/// </summary>
/// <remarks>
/// Item factors are clustered (1,000 "genres") with a decaying spectrum and log-normal lengths, as learned factors are;
/// users are drawn the same way. Each query user has 20 seen items; one filler user has seen every item once, so that
/// every item counts as trained, and is never queried.
/// </remarks>
internal static class ApproximateTopN
{
    private const int Users = 1_000, Seen = 20, Clusters = 1_000, N = 10, TruthUsers = 200, ExactQueries = 50;

    public static void Run(string[] args)
    {
        int items = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
        int k = args.Length > 1 ? int.Parse(args[1]) : 64;
        var defaults = ApproximateOptions.Default;
        var options = defaults with
        {
            MinItems = 0,
            Connectivity = args.Length > 2 ? int.Parse(args[2]) : defaults.Connectivity,
            ExpansionAdd = args.Length > 3 ? int.Parse(args[3]) : defaults.ExpansionAdd,
        };
        int[] candidates = args.Length > 4 ? [.. args[4].Split(',').Select(int.Parse)] : [defaults.CandidatesPerResult];
        int repeats = args.Length > 5 ? int.Parse(args[5]) : 5;
        options = options with { HalfPrecision = args.Length <= 6 || args[6] != "f32" };

        var trained = Catalog(items, k);
        var queries = Enumerable.Range(0, Users).Select(u => $"u{u}").ToArray();
        Console.WriteLine($"{items:N0} items, k = {k}, {Users:N0} query users with {Seen} seen items; {options}");

        var exact = new Predictor(trained, ApproximateOptions.Exact);
        var indexed = new Predictor(trained, options);
        long rssBefore = Rss();
        long start = Stopwatch.GetTimestamp();
        indexed.Recommend(queries[0], N);
        Console.WriteLine($"index build: {Stopwatch.GetElapsedTime(start).TotalSeconds:F1} s, resident memory +{(Rss() - rssBefore) / 1e6:F0} MB");

        var truth = queries.Take(TruthUsers).Select(q => exact.Recommend(q, N).Results.Select(r => r.Id).ToHashSet()).ToArray();
        var exactQps = Repeat(repeats, run =>
        {
            long at = Stopwatch.GetTimestamp();
            for (int q = 0; q < ExactQueries; q++)
                exact.Recommend(queries[(run * ExactQueries + q) % Users], N);
            return ExactQueries / Stopwatch.GetElapsedTime(at).TotalSeconds;
        });
        Console.WriteLine($"exact scan: {Median(exactQps):N0} queries/s (range {exactQps.Min():N0} to {exactQps.Max():N0})");
        foreach (int c in candidates)
        {
            var predictor = indexed.WithCandidates(c);
            var qps = Repeat(repeats, _ =>
            {
                long at = Stopwatch.GetTimestamp();
                foreach (var query in queries)
                    predictor.Recommend(query, N);
                return Users / Stopwatch.GetElapsedTime(at).TotalSeconds;
            });
            // The search is deterministic, so recall is one number, not a spread.
            double recall = queries.Take(TruthUsers).Select((q, i) => predictor.Recommend(q, N).Results.Count(r => truth[i].Contains(r.Id)) / (double)N).Average();
            Console.WriteLine($"index, {c} candidates per result: {Median(qps):N0} queries/s (range {qps.Min():N0} to {qps.Max():N0}), "
                + $"{Median(qps) / Median(exactQps):F0}x the exact scan; recall@{N} {recall:F4}");
        }
    }

    private static TrainedModel Catalog(int items, int k)
    {
        var random = new SeededRandom(7);
        var spectrum = Enumerable.Range(0, k).Select(c => (float)(1 / Math.Sqrt(1 + c / 4.0))).ToArray();
        var centres = Enumerable.Range(0, Clusters * k).Select(i => (float)random.NextGaussian() * spectrum[i % k]).ToArray();
        void Draw(Span<float> row)
        {
            int c = random.NextInt(Clusters);
            float length = MathF.Exp(0.3f * (float)random.NextGaussian()) * 0.3f;
            for (int f = 0; f < k; f++)
                row[f] = length * (centres[c * k + f] + 0.5f * (float)random.NextGaussian() * spectrum[f]);
        }

        var rows = new List<(string, string, float)>(items + Users * Seen);
        for (int i = 0; i < items; i++)
            rows.Add(("filler", $"i{i}", 1f));
        for (int u = 0; u < Users; u++)
        {
            for (int s = 0; s < Seen; s++)
                rows.Add(($"u{u}", $"i{random.NextInt(items)}", 1f));
        }
        var table = RatingsTable.FromTriples(rows);
        var data = CollabData.FromTable(table, new DataSplit([.. Enumerable.Range(0, table.Count)], []));
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = k }, random);
        for (int i = 0; i < model.ItemCount; i++)
        {
            Draw(model.ItemFactors.Row(i));
            model.ItemBias.Values[i] = 0.2f * (float)random.NextGaussian();
        }
        for (int u = 0; u < data.Users.Count; u++)
            Draw(model.UserFactors.Row(u));
        return new TrainedModel(model, data.Users, data.Items, InteractionIndex.FromRatings(data.Train, data.Users.Count), new TrainingSummary());
    }

    private static List<double> Repeat(int times, Func<int, double> run) => [.. Enumerable.Range(0, times).Select(run)];

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static long Rss() => long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
}
