using System.Diagnostics;
using Collab.Data;
using Collab.Models;
using Collab.Training;

namespace Collab.Evaluation;

/// <summary>Trains the evaluated model on one split's training rows with the shared one-cycle learner.</summary>
internal static class ModelTraining
{
    public static (IItemScorer Scorer, double Seconds) Train(CollabData data, EvaluationOptions options, ulong seed, CancellationToken cancellation)
    {
        var training = options.Training with { Model = options.Model, Neural = options.Neural, Implicit = options.Implicit };
        if (options.Model is ModelKind.Ials or ModelKind.Ease)
        {
            var clock = Stopwatch.StartNew();
            var closed = ClosedForm.Fit(data, InteractionIndex.FromRatings(data.Train, data.Users.Count),
                training with { Ials = training.Ials with { Seed = seed, Threads = 1 }, Ease = training.Ease with { Threads = 1 } }, null, cancellation);
            return (new ModelScorer(ModelKindNames.Of(options.Model), closed, data.Items.Count, predictsRatings: false), clock.Elapsed.TotalSeconds);
        }
        if (options.Model == ModelKind.Bayes)
        {
            var trained = BayesTrainer.Train(data, data.Table, training with { Seed = seed }, null, cancellation);
            cancellation.ThrowIfCancellationRequested();
            var (low, high) = CollabTrainer.RatingScale(data.Train);
            return (new ClippedScorer(new ModelScorer("bayes", trained.Model, data.Items.Count, predictsRatings: true), low, high), trained.Summary.FitSeconds);
        }
        var (model, _) = ModelFactory.Create(data, training, training.YRange, seed);
        var learner = new Learner(data, model, training.ToLearnerOptions(seed) with { Mode = TrainingMode.Exact, Threads = 1 });
        var watch = Stopwatch.StartNew();
        learner.FitOneCycle(training.Epochs, training.LearningRate, training.WeightDecay, cancellation);
        cancellation.ThrowIfCancellationRequested();
        var seconds = watch.Elapsed.TotalSeconds;
        var name = options.Model.ToString().ToLowerInvariant();
        return (new ModelScorer(name, model, data.Items.Count, predictsRatings: ModelKindTraits.PredictsRatings(options.Model)), seconds);
    }
}
