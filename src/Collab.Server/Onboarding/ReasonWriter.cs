using System.Numerics.Tensors;
using Collab.Data;
using Collab.Persistence;

namespace Collab.Server.Onboarding;

/// <summary>
/// One line saying why an item is recommended: the two items the person liked whose factor vectors point most
/// nearly the same way as the recommended item's ("People who liked X and Y also liked this").
/// </summary>
internal sealed class ReasonWriter(TrainedModel trained, ItemCatalog? items)
{
    // Ratings at or above this count as "liked"; below it nobody is named and the reason falls back to popularity.
    private const float Liked = 4f;

    // Only the best-rated liked items are compared, so a user with thousands of ratings costs the same as one with fifty.
    private const int MostLiked = 100;

    /// <summary>Model rows of the items rated at least 4, best first (at most 100).</summary>
    public int[] LikedRows(IEnumerable<(string Item, float Rating)> ratings) =>
        [.. ratings.Where(r => r.Rating >= Liked)
            .Select(r => (Row: trained.Items.TryGetIndex(r.Item, out int row) ? row : 0, r.Rating))
            .Where(r => r.Row > 0)
            .OrderByDescending(r => r.Rating).ThenBy(r => r.Row)
            .Take(MostLiked)
            .Select(r => r.Row)];

    /// <summary>Model rows of the items a trained user rated at least 4 in training.</summary>
    public int[] LikedRows(int user)
    {
        var rated = trained.Interactions.ItemsOf(user).ToArray();
        var ratings = trained.Interactions.RatingsOf(user).ToArray();
        return LikedRows(rated.Select((item, r) => (trained.Items[item], ratings[r])));
    }

    /// <summary>
    /// A reason for each item of a list, in order. Each names the two liked items most similar to it, but a liked item
    /// already named in a fair share of the earlier reasons gives way to the next most similar, so ten reasons do not
    /// repeat the same two titles.
    /// </summary>
    public IReadOnlyList<string> For(IReadOnlyList<string> recommended, int[] liked)
    {
        if (liked.Length == 0 || trained.Factors is not { } model)
            return [.. recommended.Select(_ => "Rated highly by most viewers")];
        var factors = model.ItemFactors;
        int share = Math.Max(2, (int)Math.Ceiling(2.0 * recommended.Count / liked.Length));
        var named = new Dictionary<int, int>();
        var reasons = new List<string>(recommended.Count);
        foreach (var item in recommended)
        {
            if (!trained.Items.TryGetIndex(item, out int row))
            {
                reasons.Add("Rated highly by most viewers");
                continue;
            }
            var ranked = liked
                .Select(l => (Row: l, Similarity: TensorPrimitives.CosineSimilarity(factors.Row(row), factors.Row(l))))
                .OrderByDescending(s => s.Similarity)
                .ToList();
            var best = ranked.Where(r => named.GetValueOrDefault(r.Row) < share).Concat(ranked).Select(r => r.Row).Distinct().Take(2).ToArray();
            foreach (var b in best)
                named[b] = named.GetValueOrDefault(b) + 1;
            var titles = best.Select(b => Title(trained.Items[b])).ToArray();
            reasons.Add(titles.Length == 1
                ? $"People who liked {titles[0]} also liked this"
                : $"People who liked {titles[0]} and {titles[1]} also liked this");
        }
        return reasons;
    }

    private string Title(string id) => items?.TitleOf(id) ?? $"item {id}";
}
