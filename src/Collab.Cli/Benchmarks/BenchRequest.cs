using Collab.Data.Synthetic;
using Collab.Training;
using Collab.Training.Optimizers;

namespace Collab.Cli.Benchmarks;

/// <summary>What <c>collab bench</c> was asked to measure.</summary>
internal sealed record BenchRequest(
    SyntheticRatingsOptions Synthetic,
    string? CsvPath,
    IReadOnlyList<TrainingMode> Modes,
    IReadOnlyList<int> Threads,
    FastOptimizer FastOptimizer,
    int Factors,
    int BatchSize,
    int Epochs,
    TimeSpan Budget);
