using Collab.Persistence;

namespace Collab.Interpretation;

/// <summary>
/// The learned biases ranked, as in the lesson's follow-up: an item's bias says how much it is liked beyond
/// what its factors explain, so the top items are those liked even by users whose tastes do not match them.
/// </summary>
public static class ModelBiases
{
    /// <summary>fastai's analysis looks at the 1000 most rated titles.</summary>
    public const int DefaultMostRated = 1000;

    /// <summary>
    /// The biases of the <paramref name="mostRated"/> most rated users or items (by training ratings), highest
    /// bias first, each with its rating count and mean rating.
    /// </summary>
    public static IReadOnlyList<BiasEntry> Rank(TrainedModel trained, ModelSide side, int mostRated = DefaultMostRated)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var stats = trained.Stats;
        bool items = side == ModelSide.Items;
        var counts = (items ? stats.ItemCounts : stats.UserCounts).ToArray();
        var biases = items ? trained.FactorsFor("Biases").ItemBias.Values : trained.FactorsFor("Biases").UserBias.Values;
        var ids = items ? trained.Items : trained.Users;
        return [.. MostRated.Rows(counts, mostRated)
            .Select(r => new BiasEntry(ids[r], biases[r], counts[r], items ? stats.ItemMean(r) : stats.UserMean(r)))
            .OrderByDescending(e => e.Bias)];
    }
}
