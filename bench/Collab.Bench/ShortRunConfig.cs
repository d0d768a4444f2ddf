using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;

namespace Collab.Bench;

/// <summary>
/// BenchmarkDotNet's defaults with few, short iterations: the machine is two cores shared with other work,
/// so long runs buy little accuracy; allocations are reported because the readers' memory matters as much as
/// their speed.
/// </summary>
public static class ShortRunConfig
{
    public static IConfig Create() => ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(Job.ShortRun.WithWarmupCount(2).WithIterationCount(5))
        .AddDiagnoser(MemoryDiagnoser.Default);
}
