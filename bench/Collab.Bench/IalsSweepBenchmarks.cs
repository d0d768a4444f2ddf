using BenchmarkDotNet.Attributes;
using Collab.Data;
using Collab.Models;
using Collab.Models.Implicit;

namespace Collab.Bench;

/// <summary>
/// One implicit-ALS sweep (every user row, then every item row, three CG steps each) at 64 factors, the factors
/// first warmed by two sweeps: ml-latest-small's 100,836 ratings as interactions, and a 25M-interaction synthetic
/// set shaped like ml-25m (162k users, 59k items). Compare with the <c>implicit</c> library's published 0.84 s per
/// iteration for ML-20M at 64 factors on 8 cores (docs/benchmarks.md).
/// </summary>
[MedianColumn, MinColumn, MaxColumn]
public abstract class IalsSweepBenchmarks
{
    private IalsRows _users = null!;
    private IalsRows _items = null!;
    private DotBiasModel _model = null!;
    private IalsOptions _options = new();
    private ParallelOptions _parallel = new();

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var table = Load();
        var index = InteractionIndex.FromRatings(new EncodedRatings(table.Users.ToArray(), table.Items.ToArray(), table.Ratings.ToArray()), table.UserIds.Count);
        _options = new IalsOptions { Factors = 64, Iterations = 2, Threads = Threads };
        _model = IalsTrainer.Train(index, table.ItemIds.Count, _options);
        _users = IalsRows.Users(index, table.ItemIds.Count, _options.ConfidenceScale);
        _items = _users.Transpose();
        _parallel = IalsTrainer.Parallelism(_options, CancellationToken.None);
    }

    /// <summary>The interactions to sweep over.</summary>
    protected abstract RatingsTable Load();

    [Benchmark]
    public float Sweep()
    {
        IalsSolver.SolveRows(_users, _model.UserFactors.Values, _model.ItemFactors.Values, 64, _options, _parallel);
        IalsSolver.SolveRows(_items, _model.ItemFactors.Values, _model.UserFactors.Values, 64, _options, _parallel);
        return _model.ItemFactors.Values[0];
    }

    protected static string FindMovieLens()
    {
        var root = Environment.GetEnvironmentVariable("COLLAB_DATA");
        if (root is not null)
            return Path.Combine(root, "ml-latest-small", "ratings.csv");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "ml-latest-small", "ratings.csv");
            if (File.Exists(candidate))
                return candidate;
        }
        throw new FileNotFoundException("ml-latest-small was not found: set COLLAB_DATA to the folder holding it (../shared/data).");
    }
}
