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

    public string For(string item, int[] liked)
    {
        if (liked.Length == 0 || !trained.Items.TryGetIndex(item, out int row) || trained.Factors is not { } model)
            return "Rated highly by most viewers";
        var factors = model.ItemFactors;
        var best = liked
            .Select(l => (Row: l, Similarity: TensorPrimitives.CosineSimilarity(factors.Row(row), factors.Row(l))))
            .OrderByDescending(s => s.Similarity)
            .Take(2)
            .Select(s => Title(trained.Items[s.Row]))
            .ToArray();
        return best.Length == 1
            ? $"People who liked {best[0]} also liked this"
            : $"People who liked {best[0]} and {best[1]} also liked this";
    }

    private string Title(string id) => items?.TitleOf(id) ?? $"item {id}";
}
