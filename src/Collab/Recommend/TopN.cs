namespace Collab.Recommend;

/// <summary>
/// Partial selection of the n best scores with a size-n min-heap: O(rows · log n) instead of a full sort.
/// Scores of negative infinity mark excluded rows. Ties go to the lower index, as a stable sort would.
/// </summary>
internal static class TopN
{
    public static (int Index, float Score)[] Select(ReadOnlySpan<float> scores, int n)
    {
        var heap = new (int Index, float Score)[Math.Min(n, scores.Length)];
        int size = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            float s = scores[i];
            if (float.IsNegativeInfinity(s))
                continue;
            if (size < heap.Length)
            {
                heap[size] = (i, s);
                SiftUp(heap, size++);
            }
            // Indices rise, so an equal score never beats the heap's worst: strictly greater only.
            else if (size > 0 && s > heap[0].Score)
            {
                heap[0] = (i, s);
                SiftDown(heap, size);
            }
        }
        var result = heap[..size];
        Array.Sort(result, (a, b) => IsWorse(a, b) ? 1 : IsWorse(b, a) ? -1 : 0);
        return result;
    }

    private static bool IsWorse((int Index, float Score) a, (int Index, float Score) b) =>
        a.Score < b.Score || (a.Score == b.Score && a.Index > b.Index);

    private static void SiftUp((int Index, float Score)[] heap, int at)
    {
        while (at > 0)
        {
            int parent = (at - 1) / 2;
            if (!IsWorse(heap[at], heap[parent]))
                return;
            (heap[at], heap[parent]) = (heap[parent], heap[at]);
            at = parent;
        }
    }

    private static void SiftDown((int Index, float Score)[] heap, int size)
    {
        int at = 0;
        while (true)
        {
            int worst = at;
            int left = 2 * at + 1;
            if (left < size && IsWorse(heap[left], heap[worst]))
                worst = left;
            if (left + 1 < size && IsWorse(heap[left + 1], heap[worst]))
                worst = left + 1;
            if (worst == at)
                return;
            (heap[at], heap[worst]) = (heap[worst], heap[at]);
            at = worst;
        }
    }
}
