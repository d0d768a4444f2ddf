using System.Diagnostics;
using Collab.Data;
using Collab.Models;
using Collab.Models.Implicit;
using Collab.Persistence;

namespace Collab.Training;

/// <summary>
/// Trains the implicit models that are not fitted by gradient descent: implicit ALS (alternating least squares
/// sweeps) and EASE (one closed-form solve). Each interaction counts once; ratings are ignored.
/// </summary>
internal static class ClosedForm
{
    public static TrainedModel Train(CollabData data, RatingsTable table, TrainingOptions options, CancellationToken cancellation)
    {
        var interactions = InteractionIndex.FromRatings(data.Train, data.Users.Count);
        var watch = Stopwatch.StartNew();
        var sweeps = new List<EpochSummary>();
        var model = Fit(data, interactions, options, new SyncProgress(i => sweeps.Add(new EpochSummary(i.Iteration, i.Loss, double.NaN, i.Seconds))), cancellation);
        var summary = CollabTrainer.Describe(data, table) with
        {
            Options = options.ToSettings() with { YRange = null, Factors = options.Model == ModelKind.Ials ? options.Ials.Factors : 0 },
            Epochs = sweeps,
            FitSeconds = watch.Elapsed.TotalSeconds,
        };
        return new TrainedModel(options.Model, model, data.Users, data.Items, interactions, summary,
            InteractionIndex.FromRatings(data.Valid, data.Users.Count));
    }

    /// <summary>Fits an ials or ease model to the training interactions; <paramref name="progress"/> (ials only) hears each sweep.</summary>
    public static ICollabModel Fit(CollabData data, InteractionIndex interactions, TrainingOptions options, IProgress<IalsIteration>? progress, CancellationToken cancellation) =>
        options.Model switch
        {
            ModelKind.Ials => IalsTrainer.Train(interactions, data.Items.Count, options.Ials, progress, cancellation),
            ModelKind.Ease => new EaseScorer(EaseModel.Train(interactions, data.Items.Count, options.Ease, cancellation), interactions),
            _ => throw new ArgumentException($"The {ModelKindNames.Of(options.Model)} model is trained by gradient descent.", nameof(options)),
        };

    // Progress<T> posts to the thread pool; the sweeps must be recorded in order, on the training thread.
    private sealed class SyncProgress(Action<IalsIteration> report) : IProgress<IalsIteration>
    {
        public void Report(IalsIteration value) => report(value);
    }
}
