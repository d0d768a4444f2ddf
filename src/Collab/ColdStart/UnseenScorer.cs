using System.Numerics.Tensors;
using Collab.Models;

namespace Collab.ColdStart;

/// <summary>
/// Top-n scoring of every item for a user row that is not in the model's tables (a folded-in user).
/// Kept small and separate so it can be pointed at the shared top-N of <c>Collab.Recommend</c>.
/// </summary>
internal static class UnseenScorer
{
    /// <summary>The n items with the highest predicted ratings, best first, skipping excluded item rows.</summary>
    public static List<(int Item, float Rating)> Top(DotBiasModel model, LatentRow user, ReadOnlySpan<bool> excluded, int n)
    {
        var best = new PriorityQueue<int, float>(n + 1);
        for (int item = 0; item < model.ItemCount; item++)
        {
            if (excluded[item])
                continue;
            float raw = TensorPrimitives.Dot(user.Factors, model.ItemFactors.Row(item)) + user.Bias + model.ItemBias.Values[item];
            best.Enqueue(item, raw);
            if (best.Count > n)
                best.Dequeue();
        }
        var result = new List<(int, float)>(best.Count);
        while (best.TryDequeue(out int item, out float raw))
            result.Add((item, model.Activate(raw)));
        result.Reverse();
        return result;
    }
}
