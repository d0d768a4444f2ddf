using Collab.ColdStart;
using Collab.Data;
using Collab.Numerics;
using Collab.Training;

namespace Collab.Evaluation.ColdStart;

/// <summary>
/// The cold-start evaluation protocols: how well new users are predicted after k ratings (folded in, chosen
/// by the questionnaire or at random), and how well new items are predicted from metadata.
/// </summary>
public static partial class ColdStartProtocols
{
    /// <summary>Shrinkage of the item-bias-only baseline, in pseudo-ratings at the global mean.</summary>
    public const double ItemMeanPseudoRatings = 5;

    /// <summary>
    /// Cold users: hold out a share of users entirely and train on the rest. For each held-out user, set aside
    /// <see cref="ColdUserOptions.TestShare"/> of their ratings as test ratings; from the others reveal k
    /// ratings (those the questionnaire obtains, its "not seen" answers being the items the user did not rate;
    /// or k at random), fold the user in, and measure RMSE on the test ratings. The test ratings are the same
    /// for every k and every choice, so the points of the curve compare like with like. With
    /// <see cref="ColdUserOptions.Folds"/> above 1, disjoint groups of users are held out in turn (one model
    /// each) and the errors pooled.
    /// </summary>
    public static ColdUserReport ColdUsers(RatingsTable table, ColdUserOptions? options = null, CancellationToken cancellation = default, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new ColdUserOptions();
        options.Validate();
        var random = new SeededRandom(options.Seed);
        int users = table.UserIds.Count;
        var order = random.Permutation(users);
        int groupSize = Math.Clamp((int)Math.Round(options.HeldOutShare * users), 1, Math.Max(1, users - 1));
        var tally = new ColdUserTally(options.Reveals.Count, options.Budgets.Count);
        int trainRatings = 0;
        for (int fold = 0; fold < options.Folds; fold++)
        {
            var heldOut = new bool[users];
            foreach (int u in order.AsSpan(fold * groupSize, Math.Min(groupSize, users - fold * groupSize)))
                heldOut[u] = true;
            var trainRows = RowsWhere(table.Users, u => !heldOut[u]);
            trainRatings += trainRows.Length;
            var training = options.Training with { Seed = options.Training.Seed + (ulong)fold };
            progress?.Report($"cold users, fold {fold + 1} of {options.Folds}: training on {trainRows.Length:N0} ratings, then folding in the held-out users");
            var trained = CollabTrainer.Train(table, training, new DataSplit(trainRows, []), cancellation: cancellation);
            tally.FitSeconds += trained.Summary.FitSeconds;
            tally.HeldOutUsers += heldOut.Count(h => h);
            new ColdUserFold(new FoldIn(trained, options.FoldIn), options, tally).Run(table, heldOut, random, cancellation);
        }
        return new ColdUserReport
        {
            HeldOutUsers = tally.HeldOutUsers,
            TrainRatings = trainRatings / options.Folds,
            TestRatings = tally.GlobalMean.Count,
            UnknownItemRatings = tally.UnknownItemRatings,
            FitSeconds = tally.FitSeconds,
            GlobalMean = tally.GlobalMean.Rmse,
            ItemBiasOnly = tally.ItemMean.Rmse,
            Points = [.. options.Reveals.Select((k, p) => tally.Point(p, k))],
            Budgets = [.. options.Budgets.Select((q, p) => tally.Budget(p, q))],
            FoldInMilliseconds = tally.Clock.FoldInMilliseconds,
            RoundMilliseconds = tally.Clock.RoundMilliseconds,
            FromSeenRoundMilliseconds = tally.FromSeenClock.RoundMilliseconds,
            Options = options,
        };
    }

    /// <summary>
    /// The item-bias-only model: each item's mean training rating shrunk towards the global mean by
    /// <see cref="ItemMeanPseudoRatings"/> pseudo-ratings (μ + Σ(r − μ) / (n + β)).
    /// </summary>
    internal static double[] DampedItemMeans(InteractionIndex interactions, int items, double globalMean)
    {
        var sums = new double[items];
        var counts = new int[items];
        var rated = interactions.AllItems;
        var ratings = interactions.AllRatings;
        for (int j = 0; j < rated.Length; j++)
        {
            sums[rated[j]] += ratings[j] - globalMean;
            counts[rated[j]]++;
        }
        var means = new double[items];
        for (int i = 0; i < items; i++)
            means[i] = globalMean + sums[i] / (counts[i] + ItemMeanPseudoRatings);
        return means;
    }

    /// <summary>The mean training rating.</summary>
    internal static double GlobalMean(InteractionIndex interactions)
    {
        double sum = 0;
        foreach (float r in interactions.AllRatings)
            sum += r;
        return sum / Math.Max(1, interactions.Count);
    }

    private static int[] RowsWhere(ReadOnlySpan<int> column, Func<int, bool> keep)
    {
        var rows = new List<int>(column.Length);
        for (int r = 0; r < column.Length; r++)
        {
            if (keep(column[r]))
                rows.Add(r);
        }
        return [.. rows];
    }
}
