using System.Numerics.Tensors;

namespace Collab.Models.Neural;

/// <summary>
/// Scores every item for one user with <see cref="EmbeddingNN"/> in evaluation mode, fast enough for full
/// rankings: the first linear layer splits into a user part and an item part (W·[u; i] = W_u·u + W_i·i), and the
/// item parts are computed once. A snapshot: create it after training.
/// </summary>
public sealed class NeuralItemScorer
{
    private readonly EmbeddingNN _model;
    private readonly float[] _itemParts;
    private readonly float[] _userPart;
    private readonly float[][] _levels;
    private readonly float[][] _invStd;

    internal NeuralItemScorer(EmbeddingNN model)
    {
        _model = model;
        var first = model.HiddenLayers[0];
        int width = first.Width;
        int userWidth = model.UserEmbedding.Columns;
        int itemWidth = model.ItemEmbedding.Columns;
        _itemParts = new float[model.ItemEmbedding.Rows * width];
        for (int i = 0; i < model.ItemEmbedding.Rows; i++)
        {
            var item = model.ItemEmbedding.Row(i);
            for (int j = 0; j < width; j++)
                _itemParts[i * width + j] = TensorPrimitives.Dot(item, first.Weight.Values.AsSpan(j * first.Inputs + userWidth, itemWidth));
        }
        _userPart = new float[width];
        _levels = [.. model.HiddenLayers.Select(h => new float[h.Width])];
        _invStd = [.. model.HiddenLayers.Select(h => h.RunningVariance.Select(v => 1f / MathF.Sqrt(v + HiddenLayer.Epsilon)).ToArray())];
    }

    /// <summary>Number of item rows scored.</summary>
    public int ItemCount => _model.ItemEmbedding.Rows;

    /// <summary>Writes the prediction for (user, item) into <c>scores[item]</c> for every item row.</summary>
    public void ScoreAll(int user, Span<float> scores)
    {
        var first = _model.HiddenLayers[0];
        int width = first.Width;
        int userWidth = _model.UserEmbedding.Columns;
        var userRow = _model.UserEmbedding.Row(user);
        for (int j = 0; j < width; j++)
            _userPart[j] = TensorPrimitives.Dot(userRow, first.Weight.Values.AsSpan(j * first.Inputs, userWidth));
        for (int i = 0; i < ItemCount; i++)
        {
            var level = _levels[0];
            TensorPrimitives.Add(_userPart, _itemParts.AsSpan(i * width, width), level);
            Finish(first, level, _invStd[0]);
            for (int l = 1; l < _levels.Length; l++)
            {
                var layer = _model.HiddenLayers[l];
                var next = _levels[l];
                for (int j = 0; j < layer.Width; j++)
                    next[j] = TensorPrimitives.Dot(level, layer.Weight.Values.AsSpan(j * layer.Inputs, layer.Inputs));
                Finish(layer, next, _invStd[l]);
                level = next;
            }
            scores[i] = _model.Activate(TensorPrimitives.Dot(level, _model.OutputWeight.Values) + _model.OutputBias.Values[0]);
        }
    }

    private static void Finish(HiddenLayer layer, Span<float> values, float[] invStd)
    {
        var gamma = layer.Scale.Values;
        var beta = layer.Shift.Values;
        for (int j = 0; j < values.Length; j++)
            values[j] = (Math.Max(values[j], 0f) - layer.RunningMean[j]) * invStd[j] * gamma[j] + beta[j];
    }
}
