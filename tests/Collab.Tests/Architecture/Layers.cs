namespace Collab.Tests.Architecture;

/// <summary>
/// The core's layers, bottom to top, and which layers each may use (docs/architecture.md draws the same picture).
/// A namespace belongs to the layer whose name is its longest prefix; sub-namespaces of one layer may use each
/// other as long as no cycle forms.
/// </summary>
internal static class Layers
{
    public static readonly IReadOnlyDictionary<string, string[]> MayUse = new Dictionary<string, string[]>
    {
        ["Collab"] = [],
        ["Collab.Numerics"] = ["Collab"],
        ["Collab.Data"] = ["Collab", "Collab.Numerics"],
        ["Collab.Models"] = ["Collab", "Collab.Numerics", "Collab.Data"],
        ["Collab.Evaluation.Metrics"] = ["Collab", "Collab.Numerics"],
        ["Collab.Persistence"] = ["Collab", "Collab.Numerics", "Collab.Data", "Collab.Models"],
        ["Collab.Training"] = ["Collab", "Collab.Numerics", "Collab.Data", "Collab.Models", "Collab.Evaluation.Metrics", "Collab.Persistence"],
        ["Collab.Recommend"] = ["Collab", "Collab.Numerics", "Collab.Data", "Collab.Models", "Collab.Persistence"],
        ["Collab.Interpretation"] = ["Collab", "Collab.Numerics", "Collab.Data", "Collab.Models", "Collab.Persistence", "Collab.Recommend"],
        ["Collab.ColdStart"] = ["Collab", "Collab.Numerics", "Collab.Data", "Collab.Models", "Collab.Persistence", "Collab.Recommend"],
        ["Collab.Evaluation"] = ["Collab", "Collab.Numerics", "Collab.Data", "Collab.Models", "Collab.Evaluation.Metrics", "Collab.Persistence", "Collab.Training", "Collab.Recommend", "Collab.ColdStart"],
        ["Collab.Tuning"] = ["Collab", "Collab.Numerics", "Collab.Data", "Collab.Models", "Collab.Evaluation.Metrics", "Collab.Persistence", "Collab.Training", "Collab.Evaluation"],
    };

    /// <summary>The layer a namespace belongs to.</summary>
    public static string Of(string ns) =>
        MayUse.Keys.Where(layer => ns == layer || ns.StartsWith(layer + ".", StringComparison.Ordinal)).MaxBy(layer => layer.Length)
        ?? throw new ArgumentException($"'{ns}' is outside the core.", nameof(ns));
}
