using Collab.Models;
using Collab.Data;
using Collab.Models.Implicit;
using Collab.Models.Neural;
using Collab.Numerics;

namespace Collab.Persistence;

/// <summary>
/// The weight tables of each model kind in file order: its parameters, then the state inference needs besides
/// them (a neural model's batch-norm running statistics). Rebuilding starts from an empty model of the same shape.
/// </summary>
internal static class ModelTables
{
    public static string KindName(ModelKind kind) => kind == ModelKind.Dot ? ModelFileHeader.DotBiasKind : kind.ToString().ToLowerInvariant();

    public static ModelKind ParseKind(string name) =>
        name == ModelFileHeader.DotBiasKind ? ModelKind.Dot
        : Enum.TryParse<ModelKind>(name, ignoreCase: true, out var kind) && kind != ModelKind.Dot && name == name.ToLowerInvariant() ? kind
        : throw new InvalidDataException($"unknown model kind '{name}'");

    public static IEnumerable<(string Name, int Rows, int Columns, float[] Values)> Of(ICollabModel model)
    {
        foreach (var tensor in model.Parameters)
            yield return (tensor.Name, tensor.Rows, tensor.Columns, tensor.Values);
        if (model is EmbeddingNN nn)
        {
            for (int l = 0; l < nn.HiddenLayers.Count; l++)
            {
                var layer = nn.HiddenLayers[l];
                yield return ($"layers.{l}.running_mean", 1, layer.Width, layer.RunningMean);
                yield return ($"layers.{l}.running_var", 1, layer.Width, layer.RunningVariance);
            }
        }
    }

    public static NeuralShape? ShapeOf(ICollabModel model) => model is EmbeddingNN nn
        ? new NeuralShape(nn.UserEmbedding.Columns, nn.ItemEmbedding.Columns, [.. nn.HiddenLayers.Select(h => h.Width)])
        : null;

    public static ICollabModel CreateEmpty(ModelKind kind, ModelFileHeader header, int users, int items)
    {
        OutputRange? range = header.YRange switch
        {
            null => null,
            [var low, var high] when float.IsFinite(low) && float.IsFinite(high) && low < high => new OutputRange(low, high),
            _ => throw new InvalidDataException("the output range is not two finite numbers, low below high"),
        };
        switch (kind)
        {
            case ModelKind.Nn:
                var shape = header.Neural ?? throw new InvalidDataException("the neural model's shape is missing");
                if (shape.UserWidth <= 0 || shape.ItemWidth <= 0 || shape.Layers is null || shape.Layers.Length == 0 || shape.Layers.Any(w => w <= 0))
                    throw new InvalidDataException("the neural model's shape is invalid");
                var options = new EmbeddingNNOptions { Layers = shape.Layers, UserEmbeddingSize = shape.UserWidth, ItemEmbeddingSize = shape.ItemWidth, YRange = range };
                return EmbeddingNN.CreateEmpty(users, items, options, SeededRandom.ForStream(0, SeedStream.Dropout));
            case ModelKind.Ease:
                if (items > EaseModel.MaxItems)
                    throw new InvalidDataException($"an EASE model of {items:N0} items, above the limit of {EaseModel.MaxItems:N0}");
                return new EaseScorer(EaseScorer.EmptyModel(items), InteractionIndex.Empty(users));
            default:
                if (header.Factors <= 0)
                    throw new InvalidDataException($"{header.Factors} factors");
                return DotBiasModel.CreateEmpty(users, items, header.Factors, range);
        }
    }
}
