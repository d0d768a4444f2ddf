using Collab.Models;
using Collab.Models.Neural;

namespace Collab.Persistence;

/// <summary>The user and item counts a model's tables were built for, whatever its kind.</summary>
internal static class ModelShape
{
    /// <summary>True for the kinds that keep their weights in dot-bias tables.</summary>
    public static bool IsFactorKind(ModelKind kind) => kind is ModelKind.Dot or ModelKind.Ials or ModelKind.Bpr or ModelKind.Bce or ModelKind.Bayes;

    /// <summary>Users (null when the model has no per-user weights, as EASE) and items.</summary>
    public static (int? Users, int Items) Of(ICollabModel model) => model switch
    {
        DotBiasModel dot => (dot.UserCount, dot.ItemCount),
        EmbeddingNN nn => (nn.UserEmbedding.Rows, nn.ItemEmbedding.Rows),
        _ => (null, model.Parameters[0].Rows),
    };
}
