using Collab.Data;
using Collab.Numerics;

namespace Collab.Models.Implicit;

/// <summary>
/// Draws negative items for a user: uniformly or by popularity over the item rows (never #na#), rejecting items
/// the user has among the training positives (up to <see cref="MaxTries"/> draws, then the last draw is kept).
/// </summary>
internal sealed class NegativeSampler
{
    public const int MaxTries = 32;

    private readonly int[] _offsets;
    private readonly int[] _sortedItems;
    private readonly long[]? _cumulative;
    private readonly int _itemCount;
    private readonly SeededRandom _random;

    public NegativeSampler(EncodedRatings positives, int userCount, int itemCount, NegativeSampling sampling, SeededRandom random)
    {
        if (itemCount < 2)
            throw new ArgumentException("Negative sampling needs at least one item besides #na#.", nameof(itemCount));
        var index = InteractionIndex.FromRatings(positives, userCount);
        _offsets = index.Offsets.ToArray();
        _sortedItems = index.AllItems.ToArray();
        for (int u = 0; u < userCount; u++)
            Array.Sort(_sortedItems, _offsets[u], _offsets[u + 1] - _offsets[u]);
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
        }
    }

    /// <summary>Whether the user has the item among the training positives.</summary>
    public bool IsPositive(int user, int item) =>
        Array.BinarySearch(_sortedItems, _offsets[user], _offsets[user + 1] - _offsets[user], item) >= 0;

    /// <summary>One negative item for the user.</summary>
    public int Draw(int user)
    {
        int item = 0;
        for (int attempt = 0; attempt < MaxTries; attempt++)
        {
            item = _cumulative is null ? 1 + _random.NextInt(_itemCount - 1) : DrawPopular();
            if (!IsPositive(user, item))
                break;
        }
        return item;
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
}
