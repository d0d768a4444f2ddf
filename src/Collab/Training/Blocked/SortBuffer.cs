namespace Collab.Training.Blocked;

/// <summary>
/// A worker's scratch for ordering one block of a <see cref="RatingGrid"/> in place: sorted by user (so each user row
/// is read once per visit), then the sorted run cut into <see cref="Streams"/> stretches that are interleaved, one
/// rating of each in turn. Consecutive ratings of one user depend on each other (each updates the user row the
/// next one reads); the interleaving puts ratings of other users between them, which the core computes meanwhile.
/// </summary>
internal sealed class SortBuffer(int usersPerBlock, int largestBlock)
{
    /// <summary>Stretches of the user-sorted block that are interleaved.</summary>
    public const int Streams = 4;

    /// <summary>How many groups on a rating that clears a group with a shared item is looked for.</summary>
    private const int SwapReach = 4;

    private readonly int[] _counts = new int[usersPerBlock + 1];
    private readonly int[] _keys = new int[largestBlock];
    private readonly float[] _ratings = new float[largestBlock];

    /// <summary>Sorts [start, end) of the keys (user offset in the high 16 bits) and their ratings by user, stably.</summary>
    public void Order(int[] keys, float[] ratings, int start, int end)
    {
        int n = end - start;
        var blockKeys = keys.AsSpan(start, n);
        var blockRatings = ratings.AsSpan(start, n);
        Array.Clear(_counts);
        foreach (int key in blockKeys)
            _counts[(key >>> 16) + 1]++;
        for (int u = 1; u < _counts.Length; u++)
            _counts[u] += _counts[u - 1];
        for (int r = 0; r < n; r++)
        {
            int at = _counts[blockKeys[r] >>> 16]++;
            _keys[at] = blockKeys[r];
            _ratings[at] = blockRatings[r];
        }
        int stretch = (n + Streams - 1) / Streams;
        int next = 0;
        for (int t = 0; t < stretch; t++)
        {
            for (int from = t; from < n; from += stretch)
            {
                blockKeys[next] = _keys[from];
                blockRatings[next++] = _ratings[from];
            }
        }
        SeparateItems(blockKeys, blockRatings);
    }

    // Where two ratings of a group of four share an item (popular items make that common), swaps the later one with
    // one of the next few ratings of the same run of users that clears the group: the kernel trains a clear group of
    // four at once and a group with a shared row one rating at a time.
    private static void SeparateItems(Span<int> keys, Span<float> ratings)
    {
        for (int group = 0; group + 2 * Streams <= keys.Length; group += Streams)
        {
            for (int b = 1; b < Streams; b++)
            {
                if (!SharesItem(keys, group, b, keys[group + b]))
                    continue;
                for (int later = group + b + Streams; later < keys.Length && later <= group + b + SwapReach * Streams; later += Streams)
                {
                    if (SharesItem(keys, group, b, keys[later]))
                        continue;
                    (keys[group + b], keys[later]) = (keys[later], keys[group + b]);
                    (ratings[group + b], ratings[later]) = (ratings[later], ratings[group + b]);
                    break;
                }
            }
        }
    }

    // Whether the rating key shares its item with one of the group's first `count` ratings.
    private static bool SharesItem(Span<int> keys, int group, int count, int key)
    {
        for (int a = 0; a < count; a++)
        {
            if ((keys[group + a] & 0xFFFF) == (key & 0xFFFF))
                return true;
        }
        return false;
    }
}
