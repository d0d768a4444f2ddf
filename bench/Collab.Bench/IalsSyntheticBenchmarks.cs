using Collab.Data;
using Collab.Data.Synthetic;

namespace Collab.Bench;

/// <summary>An implicit-ALS sweep over 25M synthetic interactions shaped like ml-25m (162,000 users, 59,000 items).</summary>
public class IalsSyntheticBenchmarks : IalsSweepBenchmarks
{
    protected override RatingsTable Load() =>
        SyntheticRatings.Create(new SyntheticRatingsOptions { Users = 162_000, Items = 59_000, Ratings = 25_000_000 }).ToTable();
}
