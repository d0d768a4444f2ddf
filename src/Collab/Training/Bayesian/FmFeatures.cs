using Collab.Data;

namespace Collab.Training.Bayesian;

/// <summary>
/// The factorization machine's features, built from the training ratings: user and item one-hot, the user's rated
/// items and the item's raters (1/√count each, from the training rows only), and the attribute tables given.
/// </summary>
internal static class FmFeatures
{
    public static IReadOnlyList<FeatureBlock> Build(EncodedRatings train, Vocabulary users, Vocabulary items, BayesOptions options)
    {
        // The user side first, then the item side: the sampler reorders its per-rating state once between them.
        var blocks = new List<FeatureBlock> { FeatureBlock.Identity("user", FeatureSide.User, users.Count) };
        if (options.ImplicitSets)
            blocks.Add(Sets("rated items", FeatureSide.User, train.Users, train.Items, users.Count, items.Count));
        if (options.UserAttributes is { } userAttributes)
            blocks.Add(Attributes("user attributes", FeatureSide.User, users, userAttributes));
        blocks.Add(FeatureBlock.Identity("item", FeatureSide.Item, items.Count));
        if (options.ImplicitSets)
            blocks.Add(Sets("raters", FeatureSide.Item, train.Items, train.Users, items.Count, users.Count));
        if (options.ItemAttributes is { } itemAttributes)
            blocks.Add(Attributes("item attributes", FeatureSide.Item, items, itemAttributes));
        return blocks;
    }

    // Row r: the distinct members of r's set, each 1/√(set size).
    private static FeatureBlock Sets(string name, FeatureSide side, ReadOnlySpan<int> owners, ReadOnlySpan<int> members, int rows, int width)
    {
        var sets = new SortedSet<int>?[rows];
        for (int n = 0; n < owners.Length; n++)
            (sets[owners[n]] ??= []).Add(members[n]);
        var entries = new IReadOnlyList<(int, float)>[rows];
        for (int r = 0; r < rows; r++)
        {
            var set = sets[r];
            float value = set is null ? 0 : 1 / MathF.Sqrt(set.Count);
            entries[r] = set is null ? [] : [.. set.Select(m => (m, value))];
        }
        return FeatureBlock.FromRows(name, side, width, entries);
    }

    private static FeatureBlock Attributes(string name, FeatureSide side, Vocabulary ids, AttributeTable table)
    {
        var entries = new IReadOnlyList<(int, float)>[ids.Count];
        for (int r = 0; r < ids.Count; r++)
        {
            var row = new List<(int, float)>();
            if (table.TryGetRow(ids[r], out var values))
            {
                for (int c = 0; c < values.Length; c++)
                {
                    if (values[c] != 0)
                        row.Add((c, values[c]));
                }
            }
            entries[r] = row;
        }
        return FeatureBlock.FromRows(name, side, table.Names.Count, entries);
    }
}
