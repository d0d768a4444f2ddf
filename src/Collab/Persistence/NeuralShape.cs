namespace Collab.Persistence;

/// <summary>The architecture of a saved neural model: what is needed to rebuild its empty tables.</summary>
internal sealed record NeuralShape(int UserWidth, int ItemWidth, int[] Layers);
