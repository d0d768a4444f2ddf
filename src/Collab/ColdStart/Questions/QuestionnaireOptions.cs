namespace Collab.ColdStart.Questions;

/// <summary>Settings of <see cref="Questionnaire"/>.</summary>
public sealed record QuestionnaireOptions
{
    /// <summary>Items asked per round; answers are folded in and the next round re-chosen. <value>Default: 20.</value></summary>
    public int RoundSize { get; init; } = 20;

    /// <summary>Only items with at least this many training ratings are asked about (well known, well estimated). <value>Default: 10.</value></summary>
    public int MinRatings { get; init; } = 10;

    /// <summary>
    /// Exponent of the chance of having seen an item (its share of trained users who rated it) in the score
    /// chance^e · information: 0 ignores popularity, larger favours well-known items. <value>Default: 1.</value>
    /// </summary>
    public double PopularityExponent { get; init; } = 1.0;

    /// <summary>Checks the values.</summary>
    public void Validate()
    {
        if (RoundSize < 1)
            throw new ArgumentException("A round asks about at least one item.");
        if (MinRatings < 1)
            throw new ArgumentException("The minimum number of ratings must be at least 1.");
        if (!(PopularityExponent >= 0) || !double.IsFinite(PopularityExponent))
            throw new ArgumentException("The popularity exponent must be 0 or more.");
    }
}
