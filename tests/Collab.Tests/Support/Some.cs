using Collab.Data;
using Collab.Numerics;

namespace Collab.Tests.Support;

/// <summary>Sample data for tests: planted low-rank ratings generated from a seed.</summary>
public static class Some
{
    /// <summary>
    /// Ratings from a planted rank-<paramref name="rank"/> model with biases: r = 3 + u·v + b_u + b_i + noise,
    /// clipped to 0.5..5, on a random <paramref name="density"/> share of the user x item grid.
    /// </summary>
    public static RatingsTable PlantedRatings(int users, int items, int rank, double density, double noise, ulong seed)
    {
        var random = new SeededRandom(seed);
        double[] Vector(int n, double scale) => [.. Enumerable.Range(0, n).Select(_ => random.NextGaussian() * scale)];
        var u = Enumerable.Range(0, users).Select(_ => Vector(rank, 0.7)).ToArray();
        var v = Enumerable.Range(0, items).Select(_ => Vector(rank, 0.7)).ToArray();
        var bu = Vector(users, 0.3);
        var bi = Vector(items, 0.3);
        var rows = new List<(string, string, float)>();
        for (int a = 0; a < users; a++)
        {
            for (int b = 0; b < items; b++)
            {
                if (random.NextDouble() >= density)
                    continue;
                double r = 3 + u[a].Zip(v[b], (x, y) => x * y).Sum() + bu[a] + bi[b] + random.NextGaussian() * noise;
                rows.Add(($"u{a}", $"i{b}", (float)Math.Clamp(r, 0.5, 5)));
            }
        }
        return RatingsTable.FromTriples(rows, $"planted {users}x{items} rank {rank}");
    }
}
