using System.Runtime.InteropServices;
using Collab.ColdStart;
using Collab.ColdStart.Metadata;
using Collab.Data;
using Collab.Evaluation.Metrics;
using Collab.Numerics;
using Collab.Training;

namespace Collab.Evaluation.ColdStart;

/// <summary>The cold-item protocol.</summary>
public static partial class ColdStartProtocols
{
    /// <summary>
    /// Cold items: hold out a share of items entirely, train on the rest and fit the metadata model to the
    /// trained items. Every rating of a held-out item by a trained user is predicted three ways: the training
    /// mean, the mean item row, and the metadata model's row. Then, for the blend, each held-out item with at
    /// least two ratings keeps <see cref="ColdItemOptions.TestShare"/> of them as test ratings and is folded in
    /// from k of the others, starting from either the mean item or the metadata prediction.
    /// </summary>
    public static ColdItemReport ColdItems(RatingsTable table, FeatureSource metadata, ColdItemOptions? options = null, CancellationToken cancellation = default, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(metadata);
        options ??= new ColdItemOptions();
        options.Validate();
        var features = metadata.Encode(options.Columns);
        var random = new SeededRandom(options.Seed);
        int items = table.ItemIds.Count;
        var heldOut = new bool[items];
        int take = Math.Clamp((int)Math.Round(options.HeldOutShare * items), 1, Math.Max(1, items - 1));
        foreach (int i in random.Permutation(items).AsSpan(0, take))
            heldOut[i] = true;
        var trainRows = RowsWhere(table.Items, i => !heldOut[i]);
        progress?.Report($"cold items: training on {trainRows.Length:N0} ratings, then placing {take:N0} held-out items by fold-in and metadata");
        var trained = CollabTrainer.Train(table, options.Training, new DataSplit(trainRows, []), cancellation: cancellation);
        var foldIn = new FoldIn(trained, options.FoldIn);
        var metadataModel = MetadataModel.ForItems(trained, features, options.Metadata);
        var model = trained.FactorsFor("Cold-start evaluation");
        double globalMean = GlobalMean(trained.Interactions);
        var (byItem, unknownUsers) = HeldOutItemRatings(table, heldOut, foldIn);
        ErrorSum mean = default, meanItem = default, byMetadata = default;
        var population = new ErrorSum[options.Reveals.Count];
        var blended = new ErrorSum[options.Reveals.Count];
        var revealed = new double[options.Reveals.Count];
        int withoutMetadata = 0, curveItems = 0;
        foreach (var (id, ratings) in byItem)
        {
            cancellation.ThrowIfCancellationRequested();
            if (!metadataModel.TryGetPrior(id, out var prior))
            {
                prior = foldIn.ItemPrior;
                withoutMetadata++;
            }
            foreach (var (user, rating) in ratings)
            {
                mean.Add(globalMean - rating);
                meanItem.Add(foldIn.ItemPrior.Mean.RatedByUser(model, user) - rating);
                byMetadata.Add(prior.Mean.RatedByUser(model, user) - rating);
            }
            if (ratings.Count < 2)
                continue;
            curveItems++;
            random.Shuffle(CollectionsMarshal.AsSpan(ratings));
            int testCount = Math.Max(1, (int)Math.Ceiling(options.TestShare * ratings.Count));
            var pool = ratings[testCount..];
            for (int p = 0; p < options.Reveals.Count; p++)
            {
                int k = Math.Min(options.Reveals[p], pool.Count);
                int[] users = [.. pool.Take(k).Select(r => r.User)];
                float[] values = [.. pool.Take(k).Select(r => r.Rating)];
                var fromMean = foldIn.SolveItem(users, values, foldIn.ItemPrior);
                var fromMetadata = foldIn.SolveItem(users, values, prior);
                foreach (var (user, rating) in ratings.Take(testCount))
                {
                    population[p].Add(fromMean.RatedByUser(model, user) - rating);
                    blended[p].Add(fromMetadata.RatedByUser(model, user) - rating);
                }
                revealed[p] += k;
            }
        }
        return new ColdItemReport
        {
            HeldOutItems = take,
            ItemsWithoutMetadata = withoutMetadata,
            TrainRatings = trainRows.Length,
            TestRatings = mean.Count,
            UnknownUserRatings = unknownUsers,
            FitSeconds = trained.Summary.FitSeconds,
            MetadataRows = metadataModel.TrainingRows,
            GlobalMean = mean.Rmse,
            MeanItem = meanItem.Rmse,
            Metadata = byMetadata.Rmse,
            Points = [.. options.Reveals.Select((k, p) => new ColdItemPoint(k, population[p].Rmse, blended[p].Rmse, revealed[p] / Math.Max(1, curveItems)))],
            CurveTestRatings = population.Length == 0 ? 0 : population[0].Count,
            Options = options,
        };
    }

    /// <summary>Each held-out item's ratings by trained users (user rows), keyed by raw item id.</summary>
    private static (List<(string Id, List<(int User, float Rating)> Ratings)> ByItem, int UnknownUsers) HeldOutItemRatings(RatingsTable table, bool[] heldOut, FoldIn foldIn)
    {
        var slot = new int[heldOut.Length];
        var byItem = new List<(string, List<(int, float)>)>();
        for (int i = 0; i < heldOut.Length; i++)
        {
            slot[i] = heldOut[i] ? byItem.Count : -1;
            if (heldOut[i])
                byItem.Add((table.ItemIds[i], []));
        }
        var userMap = foldIn.Trained.Users.MapFrom(table.UserIds);
        int unknown = 0;
        for (int r = 0; r < table.Count; r++)
        {
            int s = slot[table.Items[r]];
            if (s < 0)
                continue;
            int user = userMap[table.Users[r]];
            if (user == 0 || !foldIn.IsTrainedUser(user))
                unknown++;
            else
                byItem[s].Item2.Add((user, table.Ratings[r]));
        }
        return (byItem, unknown);
    }
}
