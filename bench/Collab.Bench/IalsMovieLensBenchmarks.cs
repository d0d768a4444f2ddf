using Collab.Data;

namespace Collab.Bench;

/// <summary>An implicit-ALS sweep over ml-latest-small's 100,836 ratings as interactions (610 users, 9,724 items).</summary>
public class IalsMovieLensBenchmarks : IalsSweepBenchmarks
{
    protected override RatingsTable Load() => RatingsTable.FromFile(FindMovieLens());
}
