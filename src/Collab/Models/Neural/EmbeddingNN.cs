using Collab.Numerics;

namespace Collab.Models.Neural;

/// <summary>
/// fastai's neural collaborative-filtering model (<c>collab_learner(use_nn=True)</c>, spec section 7): the user and
/// item embeddings concatenated, embedding dropout, hidden blocks Linear (no bias) → ReLU → BatchNorm1d → dropout,
/// then a Linear with bias and the optional sigmoid range. <see cref="ForwardBackward"/> runs in training mode
/// (batch statistics, dropout, running statistics updated once); <see cref="Predict"/> in evaluation mode.
/// Embeddings, hidden weights and the output weight are decayed; γ, β and the output bias are not.
/// </summary>
public sealed class EmbeddingNN : ICollabModel
{
    private readonly SeededRandom _dropout;
    private NeuralWorkspace? _train;
    private NeuralWorkspace? _eval;

    private EmbeddingNN(int users, int items, int userSize, int itemSize, EmbeddingNNOptions options, SeededRandom dropout)
    {
        options.Validate();
        _dropout = dropout;
        YRange = options.YRange;
        EmbeddingDropout = options.EmbeddingDropout;
        UserEmbedding = new ParameterTensor("embeds.0.weight", users, userSize);
        ItemEmbedding = new ParameterTensor("embeds.1.weight", items, itemSize);
        var layers = new List<HiddenLayer>();
        int width = userSize + itemSize;
        for (int l = 0; l < options.Layers.Count; l++)
        {
            layers.Add(new HiddenLayer(l, width, options.Layers[l], options.DropoutAfter(l)));
            width = options.Layers[l];
        }
        HiddenLayers = layers;
        OutputWeight = new ParameterTensor($"layers.{layers.Count}.0.weight", 1, width);
        OutputBias = new ParameterTensor($"layers.{layers.Count}.0.bias", 1, 1, decayWeights: false);
        Parameters = [UserEmbedding, ItemEmbedding, .. layers.SelectMany(h => new[] { h.Weight, h.Scale, h.Shift }), OutputWeight, OutputBias];
    }

    /// <summary>User embeddings (users x user width), torch's <c>embeds.0.weight</c>.</summary>
    public ParameterTensor UserEmbedding { get; }

    /// <summary>Item embeddings (items x item width), torch's <c>embeds.1.weight</c>.</summary>
    public ParameterTensor ItemEmbedding { get; }

    /// <summary>The hidden blocks in forward order.</summary>
    public IReadOnlyList<HiddenLayer> HiddenLayers { get; }

    /// <summary>The final linear map (1 x last hidden width), decayed.</summary>
    public ParameterTensor OutputWeight { get; }

    /// <summary>The final linear bias (1 x 1), not decayed.</summary>
    public ParameterTensor OutputBias { get; }

    /// <summary>Dropout probability on the concatenated embeddings.</summary>
    public double EmbeddingDropout { get; }

    /// <summary>The output range, if any.</summary>
    public OutputRange? YRange { get; }

    /// <summary>Width of the concatenated embeddings.</summary>
    public int InputWidth => UserEmbedding.Columns + ItemEmbedding.Columns;

    /// <inheritdoc />
    public IReadOnlyList<ParameterTensor> Parameters { get; }

    internal SeededRandom DropoutRandom => _dropout;

    /// <summary>The last training batch's activations (for tests that compare intermediate values).</summary>
    internal NeuralWorkspace? TrainingWorkspace => _train;

    /// <summary>
    /// Creates the model with fastai's initialisation: embeddings folded normal (std 0.01), linear weights and bias
    /// U(−1/√fan_in, 1/√fan_in) as torch's default, γ = 1 and β = 0.001 (fastai's <c>BatchNorm</c>).
    /// </summary>
    public static EmbeddingNN Create(int users, int items, EmbeddingNNOptions options, SeededRandom init, SeededRandom dropout)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(init);
        var model = CreateEmpty(users, items, options, dropout);
        FoldedNormal.Fill(model.UserEmbedding.Values, init);
        FoldedNormal.Fill(model.ItemEmbedding.Values, init);
        foreach (var layer in model.HiddenLayers)
        {
            FillUniform(layer.Weight.Values, layer.Inputs, init);
            Array.Fill(layer.Scale.Values, 1f);
            Array.Fill(layer.Shift.Values, 1e-3f);
        }
        FillUniform(model.OutputWeight.Values, model.OutputWeight.Columns, init);
        FillUniform(model.OutputBias.Values, model.OutputWeight.Columns, init);
        return model;
    }

    /// <summary>Creates a zero model of the given shape (embedding widths from the options or fastai's rule).</summary>
    public static EmbeddingNN CreateEmpty(int users, int items, EmbeddingNNOptions options, SeededRandom dropout)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(dropout);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(users);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(items);
        return new EmbeddingNN(users, items,
            options.UserEmbeddingSize ?? EmbeddingSizeRule.For(users),
            options.ItemEmbeddingSize ?? EmbeddingSizeRule.For(items),
            options, dropout);
    }

    /// <inheritdoc />
    public double ForwardBackward(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, Span<float> predictions)
    {
        if (users.Length < 2)
            throw new ArgumentException("Batch norm needs at least 2 rows per training batch; raise the batch size.", nameof(users));
        if (_train is null || _train.Batch != users.Length)
            _train = new NeuralWorkspace(this, users.Length);
        NeuralKernels.ForwardTrain(this, _train, users, items);
        return NeuralKernels.Backward(this, _train, users, items, ratings, predictions);
    }

    /// <inheritdoc />
    public RowKey RowKeyOf(int parameter) => parameter switch
    {
        0 => RowKey.User,
        1 => RowKey.Item,
        _ => RowKey.None,
    };

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions)
    {
        const int chunk = 256;
        _eval ??= new NeuralWorkspace(this, chunk);
        for (int start = 0; start < users.Length; start += chunk)
        {
            int n = Math.Min(chunk, users.Length - start);
            NeuralKernels.ForwardEval(this, _eval, users.Slice(start, n), items.Slice(start, n), predictions.Slice(start, n));
        }
    }

    /// <summary>Scores every item for a user in evaluation mode (ranking); see <see cref="NeuralItemScorer"/>.</summary>
    public NeuralItemScorer CreateItemScorer() => new(this);

    internal float Activate(float raw) => OutputActivation.Apply(YRange, raw);

    private static void FillUniform(Span<float> values, int fanIn, SeededRandom random)
    {
        double bound = 1 / Math.Sqrt(fanIn);
        for (int i = 0; i < values.Length; i++)
            values[i] = (float)((2 * random.NextDouble() - 1) * bound);
    }
}
