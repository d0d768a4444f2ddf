namespace Collab.Cli.Benchmarks;

/// <summary>Everything <c>collab bench</c> measured, as printed with --json.</summary>
internal sealed record BenchResults(
    BenchMachine Machine,
    IReadOnlyList<BandwidthResult> MemoryBandwidth,
    LoadResult Load,
    IReadOnlyList<TrainingResult> Training);

/// <summary>The machine and how busy it was at the start and the end of the run.</summary>
internal sealed record BenchMachine(int Cores, string Os, string Runtime, double[]? LoadAverageStart, double[]? LoadAverageEnd);

/// <summary>Memory bandwidth on some threads, bytes read plus written per second: array copy and in-place update.</summary>
internal sealed record BandwidthResult(int Threads, double CopyGigabytesPerSecond, double UpdateGigabytesPerSecond);

/// <summary>Reading the CSV: best of the runs, and the peak resident memory while reading.</summary>
internal sealed record LoadResult(string File, bool Synthetic, long Bytes, int Rows, int Users, int Items, double Seconds, double MegabytesPerSecond, long? PeakResidentBytes);

/// <summary>One training configuration's throughput and where it stands against the memory-bandwidth bound.</summary>
internal sealed record TrainingResult(
    string Mode,
    string? FastOptimizer,
    int Threads,
    int Factors,
    int BatchSize,
    long Ratings,
    double Seconds,
    bool WholeEpoch,
    double RatingsPerSecond,
    long TableBytes,
    double BytesPerRating,
    double BoundRatingsPerSecond,
    double FractionOfBound,
    double? ValidRmse,
    long? PeakResidentBytes);
