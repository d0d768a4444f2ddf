using Collab.Data;
using Collab.Numerics;

namespace Collab.Models.Implicit;

/// <summary>
/// Draws negative items for a user: uniformly or by popularity over the item rows (never #na#), and never an item the
/// user has among the training positives. A draw that hits a positive is redrawn up to <see cref="MaxTries"/> times;
/// after that the draw is exact: the k-th of the user's non-positive items (uniform), or the item the popularity mass
/// left once the user's own positives are taken out points at (popularity; uniform over the non-positives when none of
/// them has any popularity). Either way the result has the distribution asked for, restricted to the non-positives.
/// A user with every item among its positives has no negative to draw: the constructor refuses such data.
/// </summary>
internal sealed class NegativeSampler
{
    public const int MaxTries = 32;

    // User u's distinct positives, ascending and without #na#: _positives[_offsets[u] .. _offsets[u + 1]].
    private readonly int[] _offsets;
    private readonly int[] _positives;
    // Popularity only: _cumulative[i] counts the positives of items 1..i; _ownMass[slot] is the running count of the
    // positives of a user's own items up to and including that slot, so mass left = _cumulative minus _ownMass.
    private readonly long[]? _cumulative;
    private readonly long[]? _ownMass;
    private readonly int _itemCount;
    private readonly SeededRandom _random;

    public NegativeSampler(EncodedRatings positives, int userCount, int itemCount, NegativeSampling sampling, SeededRandom random)
    {
        if (itemCount < 2)
            throw new ArgumentException("Negative sampling needs at least one item besides #na#.", nameof(itemCount));
        (_offsets, _positives) = DistinctPerUser(InteractionIndex.FromRatings(positives, userCount), userCount);
        for (int u = 0; u < userCount; u++)
        {
            if (_offsets[u + 1] - _offsets[u] == itemCount - 1)
            {
                throw new ArgumentException($"The user row {u} has every one of the {itemCount - 1} items among its training positives, so there is "
                    + "no negative item to draw for it. Leave out users who interacted with every item, or add items.", nameof(positives));
            }
        }
        _itemCount = itemCount;
        _random = random;
        if (sampling == NegativeSampling.Popularity)
        {
            _cumulative = new long[itemCount];
            foreach (var item in positives.Items)
                _cumulative[item]++;
            _cumulative[0] = 0;
            for (int i = 1; i < itemCount; i++)
                _cumulative[i] += _cumulative[i - 1];
            if (_cumulative[^1] == 0)
                throw new ArgumentException("Popularity sampling needs at least one positive.", nameof(positives));
            _ownMass = new long[_positives.Length];
            for (int u = 0; u < userCount; u++)
            {
                long running = 0;
                for (int slot = _offsets[u]; slot < _offsets[u + 1]; slot++)
                    _ownMass[slot] = running += _cumulative[_positives[slot]] - _cumulative[_positives[slot] - 1];
            }
        }
    }

    /// <summary>Whether the user has the item among the training positives.</summary>
    public bool IsPositive(int user, int item) =>
        Array.BinarySearch(_positives, _offsets[user], _offsets[user + 1] - _offsets[user], item) >= 0;

    /// <summary>One negative item for the user: never #na#, never one of the user's positives.</summary>
    public int Draw(int user)
    {
        for (int attempt = 0; attempt < MaxTries; attempt++)
        {
            int item = _cumulative is null ? 1 + _random.NextInt(_itemCount - 1) : DrawPopular();
            if (!IsPositive(user, item))
                return item;
        }
        return _cumulative is null ? ExactUniform(user) : ExactPopular(user);
    }

    private int DrawPopular()
    {
        long target = (long)(_random.NextDouble() * _cumulative![^1]);
        // The first item whose cumulative count exceeds the target; items with no positives are never drawn.
        int low = 1, high = _itemCount - 1;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_cumulative[mid] > target)
                high = mid;
            else
                low = mid + 1;
        }
        return low;
    }

    // Uniform over the user's non-positives: the k-th of them is 1 + k + (positives below it). Positive j (in order)
    // has p - 1 - j non-positives below it, which never decreases with j, so the positives below the answer are the
    // leading ones for which that number is at most k.
    private int ExactUniform(int user)
    {
        int start = _offsets[user], count = _offsets[user + 1] - start;
        int k = _random.NextInt(_itemCount - 1 - count);
        int low = 0, high = count;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_positives[start + mid] - 1 - mid <= k)
                low = mid + 1;
            else
                high = mid;
        }
        return 1 + k + low;
    }

    // By popularity over the user's non-positives: the mass left up to item i (everyone's positives of items 1..i minus
    // the user's own among them) never decreases and is flat across the user's positives, so the first item where it
    // exceeds the target is a non-positive with some popularity.
    private int ExactPopular(int user)
    {
        int start = _offsets[user], count = _offsets[user + 1] - start;
        long left = _cumulative![^1] - (count == 0 ? 0 : _ownMass![start + count - 1]);
        if (left == 0)
            return ExactUniform(user);
        long target = (long)(_random.NextDouble() * left);
        int low = 1, high = _itemCount - 1;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (MassLeft(start, count, mid) > target)
                high = mid;
            else
                low = mid + 1;
        }
        return low;
    }

    private long MassLeft(int start, int count, int item)
    {
        int found = Array.BinarySearch(_positives, start, count, item);
        int below = (found >= 0 ? found + 1 : ~found) - start; // the user's positives <= item
        return _cumulative![item] - (below == 0 ? 0 : _ownMass![start + below - 1]);
    }

    private static (int[] Offsets, int[] Positives) DistinctPerUser(InteractionIndex index, int userCount)
    {
        var items = index.AllItems.ToArray();
        var offsets = new int[userCount + 1];
        int kept = 0;
        for (int u = 0; u < userCount; u++)
        {
            int start = index.Offsets[u], end = index.Offsets[u + 1];
            Array.Sort(items, start, end - start);
            for (int r = start; r < end; r++)
            {
                if (items[r] > 0 && (kept == offsets[u] || items[kept - 1] != items[r]))
                    items[kept++] = items[r];
            }
            offsets[u + 1] = kept;
        }
        return (offsets, items[..kept]);
    }
}
