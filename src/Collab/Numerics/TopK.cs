using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Collab.Numerics;

/// <summary>
/// Selects the k best candidates from a full vector of scores with a size-k heap (O(n log k) instead of a full
/// sort): the one top-k selector of recommendations, similar items and ranking metrics. Ties go to the lower
/// index; when relevance is given they are first broken against the model (an irrelevant item ranks before a
/// relevant one), so a constant or tied scorer earns nothing from the order of the items. NaN scores rank last.
/// </summary>
public static class TopK
{
    /// <summary>
    /// The k best scores with their indices, best first; scores of negative infinity mark excluded rows (fewer than
    /// k come back when fewer rows are left).
    /// </summary>
    public static (int Index, float Score)[] Select(ReadOnlySpan<float> scores, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        if (k == 0)
            return [];
        var top = SelectCore(scores, default, default, k, excludeNegativeInfinity: true);
        var result = new (int Index, float Score)[top.Length];
        for (int r = 0; r < top.Length; r++)
            result[r] = (top[r], scores[top[r]]);
        return result;
    }

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
        return SelectCore(scores, candidates, relevant, k, excludeNegativeInfinity: false);
    }

    // Empty candidates: every row is one (less those at negative infinity when asked); empty relevance: none is relevant.
    private static int[] SelectCore(ReadOnlySpan<float> scores, ReadOnlySpan<bool> candidates, ReadOnlySpan<bool> relevant,
        int k, bool excludeNegativeInfinity)
    {
        var heap = new int[Math.Min(k, scores.Length)];
        int count = 0;
        // Once the heap is full, the score of its worst item: anything strictly below it cannot enter, which one
        // compare tells (the full comparison is needed only for ties), so most of a catalog is passed over cheaply.
        float worst = float.NegativeInfinity;
        bool skipInVectors = candidates.IsEmpty && Vector256.IsHardwareAccelerated;
        for (int item = 0; item < scores.Length; item++)
        {
            if (skipInVectors && count == heap.Length && (item = SkipBelow(scores, item, worst)) == scores.Length)
                break;
            if (candidates.IsEmpty ? excludeNegativeInfinity && float.IsNegativeInfinity(scores[item]) : !candidates[item])
                continue;
            if (count < heap.Length)
            {
                heap[count] = item;
                SiftUp(heap, count++, scores, relevant);
                if (count == heap.Length)
                    worst = Ranked(scores[heap[0]]);
            }
            else if (count > 0 && !(scores[item] < worst) && Before(item, heap[0], scores, relevant))
            {
                heap[0] = item;
                SiftDown(heap, count, scores, relevant);
                worst = Ranked(scores[heap[0]]);
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

    // The first index from `from` on that is not in a run of eight scores all strictly below `worst`: those cannot enter
    // the full heap, as the scalar test would find one by one (a NaN or a tie stops the run and goes to that test).
    private static int SkipBelow(ReadOnlySpan<float> scores, int from, float worst)
    {
        var threshold = Vector256.Create(worst);
        ref float start = ref MemoryMarshal.GetReference(scores);
        int at = from;
        while (at + Vector256<float>.Count <= scores.Length && Vector256.LessThanAll(Vector256.LoadUnsafe(ref start, (nuint)at), threshold))
            at += Vector256<float>.Count;
        return at;
    }

    // The score a comparison sees: NaN ranks last, with negative infinity.
    private static float Ranked(float score) => float.IsNaN(score) ? float.NegativeInfinity : score;

    /// <summary>Whether item a ranks before item b.</summary>
    private static bool Before(int a, int b, ReadOnlySpan<float> scores, ReadOnlySpan<bool> relevant)
    {
        float sa = Ranked(scores[a]);
        float sb = Ranked(scores[b]);
        if (sa != sb)
            return sa > sb;
        if (!relevant.IsEmpty && relevant[a] != relevant[b])
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
