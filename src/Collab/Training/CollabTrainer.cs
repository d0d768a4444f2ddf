using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Persistence;
using Collab.Training.Optimizers;

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
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count,
            new DotBiasOptions { Factors = options.Factors, YRange = options.YRange },
            SeededRandom.ForStream(options.Seed, SeedStream.Init));
        var learner = new Learner(data, model, new LearnerOptions
        {
            BatchSize = options.BatchSize,
            Seed = options.Seed,
            WeightDecay = options.WeightDecay,
            BiasWeightDecay = options.BiasWeightDecay,
            Adam = new AdamOptions { Beta2 = options.Beta2, Epsilon = options.Epsilon },
            Mode = options.Mode,
            FastOptimizer = options.FastOptimizer,
            Threads = options.Threads == 0 ? Environment.ProcessorCount : options.Threads,
        });
        foreach (var callback in callbacks ?? [])
            learner.AddCallback(callback);
        learner.AddCallback(new DivergenceGuard(options.LearningRate));
        var fit = learner.FitOneCycle(options.Epochs, options.LearningRate, options.WeightDecay, cancellation);
        var summary = new TrainingSummary
        {
            Source = table.Source,
            Rows = table.Count,
            TrainRows = data.Train.Count,
            ValidRows = data.Valid.Count,
            ValidRowsWithUnknownUser = data.ValidRowsWithUnknownUser,
            ValidRowsWithUnknownItem = data.ValidRowsWithUnknownItem,
            Options = options.ToSettings(),
            Epochs = [.. fit.Epochs.Select(e => new EpochSummary(e.Epoch, e.TrainLoss, e.ValidLoss, e.Elapsed.TotalSeconds))],
            Stopped = fit.Stopped,
            FitSeconds = fit.Elapsed.TotalSeconds,
        };
        return new TrainedModel(model, data.Users, data.Items, interactions ?? InteractionIndex.FromRatings(data.Train, data.Users.Count), summary);
    }
}
