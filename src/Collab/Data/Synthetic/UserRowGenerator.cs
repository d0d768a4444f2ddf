using Collab.Numerics;

namespace Collab.Data.Synthetic;

/// <summary>
/// Makes one user's ratings: distinct items drawn by popularity, each rated by the planted model, with a
/// timestamp. Each user has a random stream of its own, so users can be generated on any thread in any order
/// and the result is the same. One instance per thread: it keeps scratch space between users.
/// </summary>
internal sealed class UserRowGenerator(SyntheticRatings source)
{
    private const long FirstTimestamp = 946_684_800; // 2000-01-01T00:00:00Z
    private const int TimestampRange = 631_152_000;  // 20 years of seconds

    private readonly int[] _chosenIn = new int[source.Options.Items];
    private int _draw;
    private double[]? _keys;
    private int[]? _order;

    /// <summary>Writes user <paramref name="user"/>'s rows (items ascending) into the spans, which have the user's count.</summary>
    public void Generate(int user, Span<int> items, Span<float> ratings, Span<long> timestamps)
    {
        var random = new SeededRandom(UserSeed(source.Options.Seed, user));
        if (items.Length > _chosenIn.Length / 4)
            ChooseByKeys(items, random);
        else
            ChooseByRejection(items, random);
        items.Sort();
        for (int r = 0; r < items.Length; r++)
        {
            ratings[r] = source.Model.Rate(user, items[r], random);
            timestamps[r] = FirstTimestamp + random.NextInt(TimestampRange);
        }
    }

    // Light users: draw by popularity and redraw repeats. An item is taken when it is marked with this draw's
    // number, so the marks never need clearing (only when the counter wraps).
    private void ChooseByRejection(Span<int> items, SeededRandom random)
    {
        if (++_draw == int.MaxValue)
        {
            Array.Clear(_chosenIn);
            _draw = 1;
        }
        for (int n = 0; n < items.Length;)
        {
            int item = source.ItemSampler.Next(random);
            if (_chosenIn[item] == _draw)
                continue;
            _chosenIn[item] = _draw;
            items[n++] = item;
        }
    }

    // Heavy users: weighted sampling without replacement (Efraimidis-Spirakis): the n smallest Exp(w_i) keys.
    private void ChooseByKeys(Span<int> items, SeededRandom random)
    {
        int count = _chosenIn.Length;
        _keys ??= new double[count];
        _order ??= new int[count];
        var weights = source.ItemWeights;
        for (int i = 0; i < count; i++)
        {
            _keys[i] = -Math.Log(1 - random.NextDouble()) / weights[i];
            _order[i] = i;
        }
        Array.Sort(_keys, _order);
        _order.AsSpan(0, items.Length).CopyTo(items);
    }

    private static ulong UserSeed(ulong seed, int user)
    {
        ulong z = seed ^ (((ulong)user + 1) * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
