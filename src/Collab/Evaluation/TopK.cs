namespace Collab.Evaluation;

/// <summary>
/// Selects the k best candidates from a full vector of scores (a heap, so O(n log k)). Ties are broken against the
/// model: among equal scores an irrelevant item ranks before a relevant one, then lower indices first, so a
/// constant or tied scorer earns nothing from the order of the items. NaN scores rank last.
/// </summary>
public static class TopK
{
    /// <summary>The indices of the best k candidates, best first.</summary>
    /// <param name="scores">A score per item index.</param>
    /// <param name="candidates">Which items may be ranked (for example, not yet seen by the user).</param>
    /// <param name="relevant">Which items are relevant (only used to break ties pessimistically).</param>
    /// <param name="k">How many to return (fewer when there are fewer candidates).</param>
    public static int[] Select(ReadOnlySpan<float> scores, ReadOnlySpan<bool> candidates, ReadOnlySpan<bool> relevant, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        if (candidates.Length != scores.Length || relevant.Length != scores.Length)
            throw new ArgumentException("Scores, candidates and relevance must cover the same items.");
        var heap = new int[k];
        int count = 0;
        for (int item = 0; item < scores.Length; item++)
        {
            if (!candidates[item])
                continue;
            if (count < k)
            {
                heap[count] = item;
                SiftUp(heap, count++, scores, relevant);
            }
            else if (Before(item, heap[0], scores, relevant))
            {
                heap[0] = item;
                SiftDown(heap, count, scores, relevant);
            }
        }
        var result = heap[..count];
        for (int i = 1; i < result.Length; i++)
        {
            int item = result[i], j = i;
            for (; j > 0 && Before(item, result[j - 1], scores, relevant); j--)
                result[j] = result[j - 1];
            result[j] = item;
        }
        return result;
    }

    /// <summary>Whether item a ranks before item b.</summary>
    private static bool Before(int a, int b, ReadOnlySpan<float> scores, ReadOnlySpan<bool> relevant)
    {
        float sa = float.IsNaN(scores[a]) ? float.NegativeInfinity : scores[a];
        float sb = float.IsNaN(scores[b]) ? float.NegativeInfinity : scores[b];
        if (sa != sb)
            return sa > sb;
        if (relevant[a] != relevant[b])
            return !relevant[a];
        return a < b;
    }

    // The heap keeps the worst selected item at the root.
    private static void SiftUp(int[] heap, int at, ReadOnlySpan<float> scores, ReadOnlySpan<bool> relevant)
    {
        while (at > 0)
        {
            int parent = (at - 1) / 2;
            if (!Before(heap[parent], heap[at], scores, relevant))
                return;
            (heap[parent], heap[at]) = (heap[at], heap[parent]);
            at = parent;
        }
    }

    private static void SiftDown(int[] heap, int count, ReadOnlySpan<float> scores, ReadOnlySpan<bool> relevant)
    {
        int at = 0;
        while (true)
        {
            int worst = at;
            foreach (int child in (ReadOnlySpan<int>)[2 * at + 1, 2 * at + 2])
            {
                if (child < count && Before(heap[worst], heap[child], scores, relevant))
                    worst = child;
            }
            if (worst == at)
                return;
            (heap[worst], heap[at]) = (heap[at], heap[worst]);
            at = worst;
        }
    }
}
