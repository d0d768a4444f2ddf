using Collab.Data;
using Collab.Models;
using Collab.Models.Implicit;
using Collab.Models.Neural;
using Collab.Numerics;

namespace Collab.Training;

/// <summary>The one place a model of each gradient-trained kind is built, for training and for evaluation alike.</summary>
internal static class ModelFactory
{
    /// <summary>
    /// The model the learner trains and the model that is kept afterwards: the same object except for bpr and bce,
    /// whose ranking loss wraps the dot-bias tables that are kept.
    /// </summary>
    public static (ICollabModel Trained, ICollabModel Kept) Create(CollabData data, TrainingOptions options, OutputRange? yRange, ulong seed)
    {
        int users = data.Users.Count, items = data.Items.Count;
        var init = SeededRandom.ForStream(seed, SeedStream.Init);
        switch (options.Model)
        {
            case ModelKind.Dot:
                var dot = DotBiasModel.Create(users, items, new DotBiasOptions { Factors = options.Factors, YRange = yRange }, init);
                return (dot, dot);
            case ModelKind.Nn:
                var nn = EmbeddingNN.Create(users, items, options.Neural with { YRange = yRange }, init, SeededRandom.ForStream(seed, SeedStream.Dropout));
                return (nn, nn);
            case ModelKind.Bpr or ModelKind.Bce:
                var tables = DotBiasModel.Create(users, items, new DotBiasOptions { Factors = options.Factors, YRange = null }, init);
                var ranking = RankingModel.Create(tables, data.Train,
                    options.Implicit with { Loss = options.Model == ModelKind.Bpr ? RankingLoss.Bpr : RankingLoss.SampledBce },
                    SeededRandom.ForStream(seed, SeedStream.Negatives));
                return (ranking, tables);
            default:
                throw new ArgumentException($"The {ModelKindNames.Of(options.Model)} model is not trained by gradient descent.", nameof(options));
        }
    }
}
