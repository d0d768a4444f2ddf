
namespace Collab.Training.LrFinding;

/// <summary>A suggested learning rate and the rule that chose it.</summary>
/// <param name="LearningRate">The rate.</param>
/// <param name="Rule">"steepest slope" or "minimum / 10" (fastai's two classic rules).</param>
public sealed record LrSuggestion(double LearningRate, string Rule);
