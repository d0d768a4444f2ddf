using System.Diagnostics;
using System.Numerics.Tensors;
using Collab.Data;
using Collab.Evaluation.Metrics;
using Collab.Models.Merging;
using Collab.Persistence;
using Collab.Models;

namespace Collab.Training;

/// <summary>
/// Several models trained with the same recipe and split but different initialisation and shuffling seeds
/// (seed, seed + 1, …), merged into one model of the recipe's size (<see cref="LowRankMerge"/>): the mean of their
/// scores at that rank. Averaging cancels much of each fit's noise (docs/accuracy.md); merging makes the result an
/// ordinary model that saves, predicts, recommends and folds in like any other.
/// </summary>
public sealed class SeedEnsemble
{
    private SeedEnsemble(IReadOnlyList<TrainedModel> members, TrainedModel merged)
    {
        Members = members;
        Merged = merged;
    }

    /// <summary>The trained members, in seed order (fewer than asked for if training was cancelled).</summary>
    public IReadOnlyList<TrainedModel> Members { get; }

    /// <summary>The merged model; its summary's <see cref="TrainingSummary.Ensemble"/> has the figures.</summary>
    public TrainedModel Merged { get; }

    /// <summary>Validation RMSE of the merged model (NaN without validation rows).</summary>
    public double ValidRmse => Merged.Summary.ValidRmse;

    /// <summary>
    /// Trains <paramref name="members"/> models on one split and merges them. The first member trains alone, with
    /// <paramref name="callbacks"/> (an epoch table, a plot); the others follow, side by side on all cores when they
    /// train on one thread each. <paramref name="memberDone"/> is called, one call at a time, as each member finishes.
    /// </summary>
    public static SeedEnsemble Train(
        RatingsTable table,
        TrainingOptions options,
        int members,
        DataSplit? split = null,
        IEnumerable<LearnerCallback>? callbacks = null,
        Action<TrainedModel>? memberDone = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(members);
        options.Validate();
        var watch = Stopwatch.StartNew();
        split ??= DataSplit.Random(table.Count, options.ValidPct, options.Seed);
        var trained = new TrainedModel?[members];
        var data = CollabData.FromTable(table, split, options.VocabularyScope);
        trained[0] = CollabTrainer.Train(data, table, options, callbacks, null, cancellation);
        ReleaseGradients(trained[0]!);
        memberDone?.Invoke(trained[0]!);
        var gate = new Lock();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Threads == 1 ? Environment.ProcessorCount : 1 };
        Parallel.For(1, members, parallel, (m, loop) =>
        {
            if (cancellation.IsCancellationRequested)
            {
                loop.Stop();
                return;
            }
            var model = CollabTrainer.Train(data, table, options with { Seed = options.Seed + (ulong)m }, null, trained[0]!.Interactions, cancellation);
            ReleaseGradients(model);
            lock (gate)
            {
                trained[m] = model;
                memberDone?.Invoke(model);
            }
        });
        var done = trained.Where(t => t is not null && !t.Summary.Stopped).Select(t => t!).ToArray();
        if (done.Length == 0)
            done = [trained[0]!];
        var merged = Merge(data.Valid, options, done, members > done.Length, watch);
        return new SeedEnsemble(done, merged);
    }

    private static TrainedModel Merge(EncodedRatings valid, TrainingOptions options, TrainedModel[] members, bool stopped, Stopwatch watch)
    {
        var first = members[0];
        // One member (the others cancelled) is its own mean: merging would only truncate it.
        var model = members.Length == 1 ? first.FactorsFor("Merging") : LowRankMerge.Merge([.. members.Select(t => t.FactorsFor("Merging"))], options.Factors, options.Seed);
        var merged = new float[valid.Count];
        model.Predict(valid.Users, valid.Items, merged);
        var averaged = new float[valid.Count];
        var predictions = new float[valid.Count];
        foreach (var member in members)
        {
            member.FactorsFor("Merging").Predict(valid.Users, valid.Items, predictions);
            TensorPrimitives.MultiplyAdd(predictions, 1f / members.Length, averaged, averaged);
        }
        var summary = first.Summary with
        {
            Stopped = stopped,
            FitSeconds = watch.Elapsed.TotalSeconds,
            Ensemble = new EnsembleSummary
            {
                Members = members.Length,
                Rank = model.Factors,
                MemberValidRmse = [.. members.Select(t => t.Summary.ValidRmse)],
                AveragedValidRmse = ErrorMetrics.Rmse(averaged, valid.Ratings),
                ValidRmse = ErrorMetrics.Rmse(merged, valid.Ratings),
            },
        };
        return new TrainedModel(ModelKind.Dot, model, first.Users, first.Items, first.Interactions, summary, first.HeldOut);
    }

    // Ten members' gradient buffers would double what the ensemble holds (0.9 GB at 25M ratings).
    private static void ReleaseGradients(TrainedModel member)
    {
        foreach (var tensor in member.FactorsFor("Merging").Parameters)
            tensor.ReleaseGradients();
    }
}
