using System.Buffers;
using Collab.Data;
using Collab.Models;
using Collab.Numerics;

namespace Collab.Recommend;

public sealed partial class Predictor
{
    /// <summary>
    /// The <paramref name="n"/> items whose factor vectors have the highest cosine similarity with the item's
    /// (fastai book's "similar movies"), excluding the item itself, #na# and items with fewer than
    /// <paramref name="minRatings"/> training ratings (at least 1).
    /// </summary>
    /// <returns>The ranking; for an unknown item, one with <see cref="Ranking.Found"/> false and no results.</returns>
    public Ranking SimilarItems(string item, int n, int minRatings = 1)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (!TryGetItem(item, out int row))
            return new Ranking(item, RankingKind.SimilarItems, false, []);
        if (UsesIndex && IndexedSimilar(row, n, minRatings) is { } top)
            return ToRanking(item, RankingKind.SimilarItems, top, _trained.Items, Stats.ItemCounts, s => s);
        return Similar(item, RankingKind.SimilarItems, row, n, minRatings, _itemColumns.Value, _trained.FactorsFor("Similar items").ItemFactors, _trained.Items, Stats.ItemCounts);
    }

    /// <summary>The same as <see cref="SimilarItems"/> over user factors.</summary>
    public Ranking SimilarUsers(string user, int n, int minRatings = 1)
    {
        ArgumentNullException.ThrowIfNull(user);
        return TryGetUser(user, out int row)
            ? Similar(user, RankingKind.SimilarUsers, row, n, minRatings, _userColumns.Value, _trained.FactorsFor("Similar users").UserFactors, _trained.Users, Stats.UserCounts)
            : new Ranking(user, RankingKind.SimilarUsers, false, []);
    }

    private Ranking Similar(string query, RankingKind kind, int row, int n, int minRatings,
        FactorColumns columns, ParameterTensor table, Vocabulary ids, ReadOnlySpan<int> counts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        int rows = columns.Rows;
        var scores = ArrayPool<float>.Shared.Rent(rows);
        try
        {
            var span = scores.AsSpan(0, rows);
            span.Clear();
            columns.AddDots(table.Row(row), span);
            var norms = columns.Norms;
            float queryNorm = norms[row];
            int least = Math.Max(1, minRatings);
            for (int r = 0; r < rows; r++)
            {
                float denominator = queryNorm * norms[r];
                span[r] = r == row || counts[r] < least ? float.NegativeInfinity
                    : denominator > 0 ? span[r] / denominator
                    : 0f; // a zero vector points nowhere: similar to nothing
            }
            return ToRanking(query, kind, TopK.Select(span, n), ids, counts, s => s);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(scores);
        }
    }
}
