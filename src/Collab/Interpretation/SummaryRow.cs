namespace Collab.Interpretation;

/// <summary>One line of a <see cref="ModelSummary"/>.</summary>
/// <param name="Part">Input, parameter, activation, output or loss.</param>
/// <param name="Name">The name in the model (fastai's where it has one).</param>
/// <param name="Shape">Its shape, e.g. "611 x 50", per rating for inputs and activations.</param>
/// <param name="Count">Numbers it holds: parameters for a table, per-rating values for an activation.</param>
/// <param name="Meaning">What it is, in the lesson's words.</param>
public sealed record SummaryRow(SummaryPart Part, string Name, string Shape, long Count, string Meaning);
