namespace Collab.Cli.Benchmarks;

/// <summary>The machine and how busy it was at the start and the end of the run.</summary>
internal sealed record BenchMachine(int Cores, string Os, string Runtime, double[]? LoadAverageStart, double[]? LoadAverageEnd);
