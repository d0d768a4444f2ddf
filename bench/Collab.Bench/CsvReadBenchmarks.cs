using BenchmarkDotNet.Attributes;
using Collab.Data;
using Collab.Data.Synthetic;

namespace Collab.Bench;

/// <summary>
/// Reading a MovieLens-shaped ratings.csv (synthetic, ml-25m's proportions) four ways: Sep row by row (the
/// reference path), Sep's ParallelEnumerate, and the block reader on one thread and on all cores.
/// </summary>
public class CsvReadBenchmarks
{
    private string _path = "";
    private RatingsFileLayout _layout = null!;

    [Params(2_000_000)]
    public int Ratings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), $"collab-bench-{Guid.NewGuid():N}.csv");
        SyntheticRatings.Create(new SyntheticRatingsOptions
        {
            Users = Math.Max(1, (int)(Ratings * 0.00648)),
            Items = Math.Max(1, (int)(Ratings * 0.00236)),
            Ratings = Ratings,
        }).WriteCsvFile(_path);
        _layout = RatingsFileLayout.Detect(_path, RatingsFileOptions.Default);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    [Benchmark(Baseline = true)]
    public int SepRowByRow() => RatingsReader.ReadWithSep(_path, _layout).Count;

    [Benchmark]
    public int? SepParallelEnumerate() => SepParallelEnumerateReader.Read(_path)?.Count;

    [Benchmark]
    public int? BlocksOneThread() => ParallelRatingsReader.TryRead([(_path, _layout)], _path, threads: 1)?.Table.Count;

    [Benchmark]
    public int? BlocksAllCores() => ParallelRatingsReader.TryRead([(_path, _layout)], _path)?.Table.Count;
}
