namespace Collab.ColdStart.Metadata;

/// <summary>Settings of <see cref="MetadataModel"/>.</summary>
public sealed record MetadataOptions
{
    /// <summary>Ridge penalty on the feature coefficients (not on the intercept). <value>Default: 1 (measured in docs/cold-start.md).</value></summary>
    public double Ridge { get; init; } = 1.0;

    /// <summary>
    /// Each trained row is weighted n / (n + c) by its number of training ratings n, so rows the training
    /// barely moved count little. This is c. <value>Default: 5.</value>
    /// </summary>
    public double CountShrinkage { get; init; } = 5;

    /// <summary>Checks the values.</summary>
    public void Validate()
    {
        if (!(Ridge > 0) || !double.IsFinite(Ridge))
            throw new ArgumentException("The ridge penalty must be a positive number.");
        if (!(CountShrinkage >= 0) || !double.IsFinite(CountShrinkage))
            throw new ArgumentException("The count shrinkage must be 0 or more.");
    }
}
