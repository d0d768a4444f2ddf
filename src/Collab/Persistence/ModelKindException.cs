using Collab.Models;

namespace Collab.Persistence;

/// <summary>A feature was asked of a model kind that does not have it (for example the matrix view of an EASE model).</summary>
public sealed class ModelKindException : InvalidOperationException
{
    /// <summary>Says that <paramref name="feature"/> needs a factor model and <paramref name="kind"/> is not one.</summary>
    public ModelKindException(ModelKind kind, string feature)
        : base($"{feature} needs a factor model (dot, ials, bpr or bce); this is a{(kind == ModelKind.Ease ? "n" : "")} {kind.ToString().ToLowerInvariant()} model.")
    {
        Kind = kind;
        Feature = feature;
    }

    /// <summary>The model's kind.</summary>
    public ModelKind Kind { get; }

    /// <summary>The feature that was asked for.</summary>
    public string Feature { get; }
}
