namespace Collab.Cli.Benchmarks;

/// <summary>Everything <c>collab bench</c> measured, as printed with --json.</summary>
internal sealed record BenchResults(
    BenchMachine Machine,
    IReadOnlyList<BandwidthResult> MemoryBandwidth,
    LoadResult Load,
    IReadOnlyList<TrainingResult> Training);
