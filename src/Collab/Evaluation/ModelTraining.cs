using System.Diagnostics;
using Collab.Data;
using Collab.Models;
using Collab.Models.Implicit;
using Collab.Models.Neural;
using Collab.Numerics;
using Collab.Training;
using Collab.Training.Optimizers;

namespace Collab.Evaluation;

/// <summary>Trains the evaluated model on one split's training rows with the shared one-cycle learner.</summary>
internal static class ModelTraining
{
    public static (IItemScorer Scorer, double Seconds) Train(CollabData data, EvaluationOptions options, ulong seed, CancellationToken cancellation)
    {
        var training = options.Training;
        int users = data.Users.Count, items = data.Items.Count;
        var init = SeededRandom.ForStream(seed, SeedStream.Init);
        ICollabModel model = options.Model switch
        {
            ModelKind.Dot => DotBiasModel.Create(users, items, new DotBiasOptions { Factors = training.Factors, YRange = training.YRange }, init),
            ModelKind.Nn => EmbeddingNN.Create(users, items, options.Neural with { YRange = training.YRange }, init, SeededRandom.ForStream(seed, SeedStream.Dropout)),
            _ => RankingModel.Create(
                DotBiasModel.Create(users, items, new DotBiasOptions { Factors = training.Factors, YRange = null }, init),
                data.Train,
                options.Implicit with { Loss = options.Model == ModelKind.Bpr ? RankingLoss.Bpr : RankingLoss.SampledBce },
                SeededRandom.ForStream(seed, SeedStream.Negatives)),
        };
        var learner = new Learner(data, model, new LearnerOptions
        {
            BatchSize = training.BatchSize,
            Seed = seed,
            WeightDecay = training.WeightDecay,
            Adam = new AdamOptions { Beta2 = training.Beta2, Epsilon = training.Epsilon },
        });
        var watch = Stopwatch.StartNew();
        learner.FitOneCycle(training.Epochs, training.LearningRate, training.WeightDecay, cancellation);
        cancellation.ThrowIfCancellationRequested();
        var seconds = watch.Elapsed.TotalSeconds;
        var name = options.Model.ToString().ToLowerInvariant();
        return (new ModelScorer(name, model, items, predictsRatings: options.Model is ModelKind.Dot or ModelKind.Nn), seconds);
    }
}
