using System.Numerics.Tensors;
using Collab.Data;
using Collab.Models;
using Collab.Persistence;

namespace Collab.Training;

/// <summary>
/// The short path: split, build the lesson's model, fit one cycle and bundle the result. Each step is also
/// public on its own (<see cref="CollabData"/>, <see cref="DotBiasModel"/>, <see cref="Learner"/>).
/// </summary>
public static class CollabTrainer
{
    /// <summary>Trains on a table with a random split (or the given one) and returns the trained model.</summary>
    public static TrainedModel Train(
        RatingsTable table,
        TrainingOptions options,
        DataSplit? split = null,
        IEnumerable<LearnerCallback>? callbacks = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Model == ModelKind.Bayes)
            return BayesTrainer.Train(table, options, split, null, cancellation);
        split ??= DataSplit.Random(table.Count, options.ValidPct, options.Seed);
        return Train(CollabData.FromTable(table, split, options.VocabularyScope), table, options, callbacks, null, cancellation);
    }

    /// <summary>
    /// Trains on data already encoded (the seeds of an ensemble share one encoding); <paramref name="interactions"/>, when
    /// given, is the index of <paramref name="data"/>'s training ratings to bundle instead of building another.
    /// </summary>
    internal static TrainedModel Train(
        CollabData data,
        RatingsTable table,
        TrainingOptions options,
        IEnumerable<LearnerCallback>? callbacks,
        InteractionIndex? interactions,
        CancellationToken cancellation)
    {
        if (options.Model is ModelKind.Ials or ModelKind.Ease)
            return ClosedForm.Train(data, table, options, cancellation);
        if (options.Model == ModelKind.Bayes)
            return BayesTrainer.Train(data, table, options, null, cancellation);
        var (min, max) = RatingScale(data.Train);
        var (yRange, _) = YRangeFit.Resolve(options.YRange, options.FitYRangeToData, min, max);
        var (trainedModel, kept) = ModelFactory.Create(data, options, yRange, options.Seed);
        var learner = new Learner(data, trainedModel, options.ToLearnerOptions(options.Seed));
        foreach (var callback in callbacks ?? [])
            learner.AddCallback(callback);
        learner.AddCallback(new DivergenceGuard(options.LearningRate));
        var fit = learner.FitOneCycle(options.Epochs, options.LearningRate, options.WeightDecay, cancellation);
        var summary = Describe(data, table) with
        {
            Options = options.ToSettings() with { YRange = yRange },
            RatingScale = data.Train.Count == 0 ? null : [min, max],
            Epochs = [.. fit.Epochs.Select(e => new EpochSummary(e.Epoch, e.TrainLoss, e.ValidLoss, e.Elapsed.TotalSeconds))],
            Stopped = fit.Stopped,
            FitSeconds = fit.Elapsed.TotalSeconds,
        };
        return new TrainedModel(options.Model, kept, data.Users, data.Items,
            interactions ?? InteractionIndex.FromRatings(data.Train, data.Users.Count), summary,
            InteractionIndex.FromRatings(data.Valid, data.Users.Count));
    }

    /// <summary>What every model's summary says about its data: the source and the rows of each side of the split.</summary>
    internal static TrainingSummary Describe(CollabData data, RatingsTable table) => new()
    {
        Source = table.Source,
        Rows = table.Count,
        TrainRows = data.Train.Count,
        ValidRows = data.Valid.Count,
        ValidRowsWithUnknownUser = data.ValidRowsWithUnknownUser,
        ValidRowsWithUnknownItem = data.ValidRowsWithUnknownItem,
    };

    /// <summary>The lowest and highest training rating (0, 0 without rows).</summary>
    internal static (float Min, float Max) RatingScale(EncodedRatings train) =>
        train.Count == 0 ? (0f, 0f) : (TensorPrimitives.Min(train.Ratings), TensorPrimitives.Max(train.Ratings));
}
