using System.Numerics.Tensors;
using Collab.Models;
using Collab.Recommend;

namespace Collab.ColdStart;

/// <summary>
/// Top-n scoring of every item for a user row that is not in the model's tables (a folded-in user), with
/// the same partial selection as <see cref="Predictor.Recommend"/>.
/// </summary>
internal static class UnseenScorer
{
    /// <summary>The n items with the highest predicted ratings, best first, skipping excluded item rows.</summary>
    public static List<(int Item, float Rating)> Top(DotBiasModel model, LatentRow user, ReadOnlySpan<bool> excluded, int n)
    {
        var scores = new float[model.ItemCount];
        for (int item = 0; item < scores.Length; item++)
        {
            scores[item] = excluded[item]
                ? float.NegativeInfinity
                : TensorPrimitives.Dot(user.Factors, model.ItemFactors.Row(item)) + user.Bias + model.ItemBias.Values[item];
        }
        return [.. TopN.Select(scores, n).Select(best => (best.Index, model.Activate(best.Score)))];
    }
}
