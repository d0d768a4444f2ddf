namespace Collab.Cli.Benchmarks;

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
