namespace Collab.Models.Neural;

/// <summary>Shape of the neural model (fastai's <c>collab_learner(use_nn=True)</c>): embeddings, hidden layers, dropout, range.</summary>
public sealed record EmbeddingNNOptions
{
    /// <summary>Widths of the hidden layers, each Linear (no bias) → ReLU → BatchNorm1d → dropout. <value>Default: [100].</value></summary>
    public IReadOnlyList<int> Layers { get; init; } = CollabDefaults.NeuralLayers;

    /// <summary>User embedding width. <value>Default: null, fastai's rule (<see cref="EmbeddingSizeRule"/>).</value></summary>
    public int? UserEmbeddingSize { get; init; }

    /// <summary>Item embedding width. <value>Default: null, fastai's rule (<see cref="EmbeddingSizeRule"/>).</value></summary>
    public int? ItemEmbeddingSize { get; init; }

    /// <summary>Dropout on the concatenated embeddings (fastai's <c>embed_p</c>). <value>Default: 0.</value></summary>
    public double EmbeddingDropout { get; init; }

    /// <summary>Dropout after each hidden layer (fastai's <c>ps</c>); null or shorter lists mean 0. <value>Default: null.</value></summary>
    public IReadOnlyList<double>? LayerDropout { get; init; }

    /// <summary>The sigmoid output range. <value>Default: (0, 5.5).</value></summary>
    public OutputRange? YRange { get; init; } = OutputRange.Lesson;

    /// <summary>Throws when a width or a dropout probability is out of range.</summary>
    public void Validate()
    {
        if (Layers.Count == 0 || Layers.Any(w => w <= 0))
            throw new ArgumentException("The neural model needs at least one hidden layer, each at least 1 wide.");
        if (UserEmbeddingSize <= 0 || ItemEmbeddingSize <= 0)
            throw new ArgumentException("Embedding sizes must be at least 1.");
        if (!IsProbability(EmbeddingDropout) || (LayerDropout?.Any(p => !IsProbability(p)) ?? false))
            throw new ArgumentException("Dropout probabilities must be at least 0 and below 1.");
        if (LayerDropout is { } ps && ps.Count > Layers.Count)
            throw new ArgumentException($"{ps.Count} dropout values were given for {Layers.Count} hidden layers.");
    }

    internal double DropoutAfter(int layer) => LayerDropout is { } ps && layer < ps.Count ? ps[layer] : 0;

    private static bool IsProbability(double p) => p is >= 0 and < 1;
}
