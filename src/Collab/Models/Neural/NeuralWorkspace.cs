namespace Collab.Models.Neural;

/// <summary>
/// The activations of one batch kept for the backward pass, allocated once per batch size. Level l is the input
/// of hidden layer l (level 0: the concatenated embeddings; the last level: the input of the output layer).
/// </summary>
internal sealed class NeuralWorkspace
{
    public NeuralWorkspace(EmbeddingNN model, int batch)
    {
        Batch = batch;
        int layers = model.HiddenLayers.Count;
        Inputs = new float[layers + 1][];
        InputGradients = new float[layers + 1][];
        Masks = new float[layers + 1][];
        Activations = new float[layers][];
        Normalized = new float[layers][];
        InvStd = new float[layers][];
        Mean = new double[layers][];
        Variance = new double[layers][];
        AllocateLevel(0, model.InputWidth, model.EmbeddingDropout);
        for (int l = 0; l < layers; l++)
        {
            var layer = model.HiddenLayers[l];
            Activations[l] = new float[batch * layer.Width];
            Normalized[l] = new float[batch * layer.Width];
            InvStd[l] = new float[layer.Width];
            Mean[l] = new double[layer.Width];
            Variance[l] = new double[layer.Width];
            AllocateLevel(l + 1, layer.Width, layer.Dropout);
        }
        Outputs = new float[batch];
    }

    public int Batch { get; }

    /// <summary>Input of each level, after dropout (Batch x width).</summary>
    public float[][] Inputs { get; }

    /// <summary>Gradient of the loss with respect to each level's input.</summary>
    public float[][] InputGradients { get; }

    /// <summary>Inverted-dropout factors per level (0 or 1/(1−p)); null where the level has no dropout.</summary>
    public float[]?[] Masks { get; }

    /// <summary>ReLU outputs of each hidden layer (Batch x width).</summary>
    public float[][] Activations { get; }

    /// <summary>Normalised activations x̂ of each hidden layer.</summary>
    public float[][] Normalized { get; }

    /// <summary>1/√(σ² + ε) per feature of each hidden layer.</summary>
    public float[][] InvStd { get; }

    /// <summary>Batch mean per feature (training mode).</summary>
    public double[][] Mean { get; }

    /// <summary>Biased batch variance per feature (training mode).</summary>
    public double[][] Variance { get; }

    /// <summary>The raw outputs before the range.</summary>
    public float[] Outputs { get; }

    private void AllocateLevel(int level, int width, double dropout)
    {
        Inputs[level] = new float[Batch * width];
        InputGradients[level] = new float[Batch * width];
        Masks[level] = dropout > 0 ? new float[Batch * width] : null;
    }
}
