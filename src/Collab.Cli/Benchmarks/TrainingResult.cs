
namespace Collab.Cli.Benchmarks;

/// <summary>One training configuration's throughput and where it stands against the memory-bandwidth and compute bounds.</summary>
internal sealed record TrainingResult(
    string Mode,
    string? FastOptimizer,
    int Threads,
    int Factors,
    int BatchSize,
    long Ratings,
    double Seconds,
    double CpuSeconds,
    bool WholeEpoch,
    double RatingsPerSecond,
    long TableBytes,
    double BytesPerRating,
    double BoundRatingsPerSecond,
    double FractionOfBound,
    double FlopsPerRating,
    double ComputeBoundRatingsPerSecond,
    double FractionOfComputeBound,
    double? ValidRmse,
    long? PeakResidentBytes);
