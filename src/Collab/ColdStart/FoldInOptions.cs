namespace Collab.ColdStart;

/// <summary>Settings of <see cref="FoldIn"/>.</summary>
public sealed record FoldInOptions
{
    /// <summary>The solver. <value>Default: <see cref="FoldInMethod.DampedNewton"/> (measured in docs/cold-start.md).</value></summary>
    public FoldInMethod Method { get; init; } = FoldInMethod.DampedNewton;

    /// <summary>
    /// Weight of the prior against the squared rating errors: the rating noise variance σ² of the Bayesian
    /// reading (loss = Σ (ŷ − r)² + w·(θ − μ)ᵀ P (θ − μ)). Larger trusts the prior longer.
    /// <value>Default: 0.5 (measured in docs/cold-start.md).</value>
    /// </summary>
    public double PriorWeight { get; init; } = 0.5;

    /// <summary>At most this many damped Newton steps. <value>Default: 10.</value></summary>
    public int MaxIterations { get; init; } = 10;

    /// <summary>Checks the values.</summary>
    public void Validate()
    {
        if (!(PriorWeight > 0) || !double.IsFinite(PriorWeight))
            throw new ArgumentException("The prior weight must be a positive number.");
        if (MaxIterations < 1)
            throw new ArgumentException("Fold-in needs at least one iteration.");
        if (!Enum.IsDefined(Method))
            throw new ArgumentException($"Unknown fold-in method {Method}.");
    }
}
