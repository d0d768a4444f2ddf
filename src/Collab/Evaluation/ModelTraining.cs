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
        var (model, _) = ModelFactory.Create(data, training, training.YRange, seed);
        var learner = new Learner(data, model, training.ToLearnerOptions(seed) with { Mode = TrainingMode.Exact, Threads = 1 });
        var watch = Stopwatch.StartNew();
        learner.FitOneCycle(training.Epochs, training.LearningRate, training.WeightDecay, cancellation);
        cancellation.ThrowIfCancellationRequested();
        var seconds = watch.Elapsed.TotalSeconds;
        var name = options.Model.ToString().ToLowerInvariant();
        return (new ModelScorer(name, model, data.Items.Count, predictsRatings: options.Model is ModelKind.Dot or ModelKind.Nn), seconds);
    }
}
