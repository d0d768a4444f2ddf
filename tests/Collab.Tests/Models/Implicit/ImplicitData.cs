using Collab.Data;
using Collab.Numerics;

namespace Collab.Tests.Models.Implicit;

/// <summary>Interaction sets for the iALS and EASE tests: hand-written ones and a planted low-rank model.</summary>
internal static class ImplicitData
{
    /// <summary>Each user's items (ratings 1, or the given ones).</summary>
    public static InteractionIndex Index(int[][] itemsPerUser, float[][]? ratings = null)
    {
        var offsets = new int[itemsPerUser.Length + 1];
        for (int u = 0; u < itemsPerUser.Length; u++)
            offsets[u + 1] = offsets[u] + itemsPerUser[u].Length;
        var items = itemsPerUser.SelectMany(i => i).ToArray();
        var values = ratings is null ? Enumerable.Repeat(1f, items.Length).ToArray() : ratings.SelectMany(r => r).ToArray();
        return new InteractionIndex(offsets, items, values);
    }

    /// <summary>
    /// A rank-<paramref name="rank"/> taste model: each user interacts with the <paramref name="perUser"/> items of highest
    /// u·v plus a little noise; <paramref name="heldOut"/> of them per user, chosen at random, are kept back.
    /// </summary>
    public static (InteractionIndex Train, int[][] HeldOut) Planted(int users, int items, int rank, int perUser, int heldOut, ulong seed)
    {
        var random = new SeededRandom(seed);
        double[] Vector() => [.. Enumerable.Range(0, rank).Select(_ => random.NextGaussian())];
        var u = Enumerable.Range(0, users).Select(_ => Vector()).ToArray();
        var v = Enumerable.Range(0, items).Select(_ => Vector()).ToArray();
        var train = new int[users][];
        var held = new int[users][];
        for (int a = 0; a < users; a++)
        {
            var liked = Enumerable.Range(0, items)
                .Select(b => (Item: b, Score: u[a].Zip(v[b], (x, y) => x * y).Sum() + 0.3 * random.NextGaussian()))
                .OrderByDescending(p => p.Score).Take(perUser).Select(p => p.Item).ToArray();
            random.Shuffle(liked.AsSpan());
            held[a] = [.. liked.Take(heldOut).Order()];
            train[a] = [.. liked.Skip(heldOut).Order()];
        }
        return (Index(train), held);
    }
}
