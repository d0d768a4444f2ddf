namespace Collab.Training.Optimizers;

/// <summary>Adam's constants (the learning rate, β1 and weight decay come from the schedule per step).</summary>
public sealed record AdamOptions
{
    /// <summary>Second-moment decay. <value>Default: 0.99 (fastai).</value></summary>
    public double Beta2 { get; init; } = CollabDefaults.Beta2;

    /// <summary>Added to the denominator. <value>Default: 1e-5 (fastai v2; v1 used 1e-8).</value></summary>
    public double Epsilon { get; init; } = CollabDefaults.Epsilon;
}
