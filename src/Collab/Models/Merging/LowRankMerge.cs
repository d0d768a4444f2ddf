using Collab.Numerics;

namespace Collab.Models.Merging;

/// <summary>
/// Merges dot-bias models trained on the same vocabularies into one: the mean of their raw scores (before the
/// output range) is (1/M)·Σ Uₘ·Iₘᵀ plus the mean biases, and its best rank-r approximation (Eckart–Young) is again a
/// dot-bias model with r factors, which every part of Collab (model file, predict, recommend, fold-in, service)
/// uses unchanged. The approximation is a randomized SVD (Halko, Martinsson &amp; Tropp 2011, algorithm 4.4: a
/// Gaussian sketch, one power iteration, r + 10 columns) computed through the member tables, never through the
/// users × items matrix. Averaging raw scores predicts as well as averaging ratings (docs/accuracy.md).
/// </summary>
public static class LowRankMerge
{
    private const int Oversampling = 10;
    private const int PowerIterations = 1;

    /// <summary>The merged model with at most <paramref name="rank"/> factors (fewer when the mean has lower rank).</summary>
    public static DotBiasModel Merge(IReadOnlyList<DotBiasModel> members, int rank, ulong seed = CollabDefaults.Seed, int threads = 0)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rank);
        ArgumentOutOfRangeException.ThrowIfNegative(threads);
        if (members.Count == 0)
            throw new ArgumentException("There is nothing to merge.", nameof(members));
        var first = members[0];
        if (members.Any(m => m.UserCount != first.UserCount || m.ItemCount != first.ItemCount || !Equals(m.YRange, first.YRange)))
            throw new ArgumentException("Merged models must have the same users, items and output range.", nameof(members));
        threads = threads == 0 ? Environment.ProcessorCount : threads;
        var users = new FactorStack(members.Select(m => m.UserFactors), 1f / members.Count, threads);
        var items = new FactorStack(members.Select(m => m.ItemFactors), 1f, threads);
        var (userBasis, itemScores, width) = Factorize(users, items, Math.Min(rank + Oversampling, users.Width), seed);
        var model = Split(userBasis, itemScores, users.Rows, items.Rows, width, rank, first.YRange);
        AverageBiases(members, model);
        return model;
    }

    // Returns Q (users × width, orthonormal columns) and Bᵀ = Lᵀ·Q (items × width), L ≈ Q·B.
    private static (float[] Q, float[] Bt, int Width) Factorize(FactorStack users, FactorStack items, int sketch, ulong seed)
    {
        var random = SeededRandom.ForStream(seed, SeedStream.Merge);
        var omega = new float[items.Rows * sketch];
        for (int i = 0; i < omega.Length; i++)
            omega[i] = (float)random.NextGaussian();
        // Y = L·Ω = U·(Iᵀ·Ω), then power iterations: Q ← orth(L·orth(Lᵀ·Q)).
        var (q, width) = RangeBasis.Of(users.Times(items.TransposeTimes(omega, sketch), sketch), users.Rows, sketch);
        for (int iteration = 0; iteration < PowerIterations; iteration++)
        {
            var (w, itemWidth) = RangeBasis.Of(items.Times(users.TransposeTimes(q, width), width), items.Rows, width);
            (q, width) = RangeBasis.Of(users.Times(items.TransposeTimes(w, itemWidth), itemWidth), users.Rows, itemWidth);
        }
        return (q, items.Times(users.TransposeTimes(q, width), width), width);
    }

    // With BᵀB = V·Σ²·Vᵀ: L ≈ (Q·V·Σ^½)·(Bᵀ·V·Σ^-½)ᵀ, truncated to the largest r singular values.
    private static DotBiasModel Split(float[] q, float[] bt, int userRows, int itemRows, int width, int rank, OutputRange? yRange)
    {
        var (values, vectors) = SymmetricEigen.Decompose(RangeBasis.Gram(bt, itemRows, width));
        int kept = Math.Min(rank, values.TakeWhile(v => v > 1e-12 * Math.Max(values[0], 1e-30)).Count());
        kept = Math.Max(kept, 1);
        var toUsers = new double[width, kept];
        var toItems = new double[width, kept];
        for (int c = 0; c < kept; c++)
        {
            double sigma = Math.Sqrt(Math.Max(values[c], 0));
            double up = Math.Sqrt(sigma), down = sigma > 0 ? 1 / Math.Sqrt(sigma) : 0;
            for (int r = 0; r < width; r++)
            {
                toUsers[r, c] = vectors[r, c] * up;
                toItems[r, c] = vectors[r, c] * down;
            }
        }
        var model = DotBiasModel.CreateEmpty(userRows, itemRows, kept, yRange);
        RangeBasis.Times(q, userRows, width, toUsers, kept).CopyTo(model.UserFactors.Values, 0);
        RangeBasis.Times(bt, itemRows, width, toItems, kept).CopyTo(model.ItemFactors.Values, 0);
        return model;
    }

    private static void AverageBiases(IReadOnlyList<DotBiasModel> members, DotBiasModel model)
    {
        foreach (var member in members)
        {
            for (int u = 0; u < model.UserCount; u++)
                model.UserBias.Values[u] += member.UserBias.Values[u] / members.Count;
            for (int i = 0; i < model.ItemCount; i++)
                model.ItemBias.Values[i] += member.ItemBias.Values[i] / members.Count;
        }
    }
}
