namespace Collab.Models;

/// <summary>What each <see cref="ModelKind"/> predicts.</summary>
public static class ModelKindTraits
{
    /// <summary>True for the kinds trained on ratings (dot, nn, bayes), whose scores are predicted ratings; false for the implicit kinds, whose scores only rank.</summary>
    public static bool PredictsRatings(ModelKind kind) => kind is ModelKind.Dot or ModelKind.Nn or ModelKind.Bayes;
}
