namespace Collab.Training.Optimizers;

/// <summary>
/// The scalars of one recorded Adam step that a row with zero gradient needs when it is brought up to date
/// later: its decay, β1, step size and second-moment bias correction (also as a square root, so the deferred
/// kernel takes one square root per element per catch-up instead of one per step).
/// </summary>
internal readonly record struct CatchUpStep(float Decay, float Beta1, float StepSize, float InvBias2, float SqrtInvBias2)
{
    /// <summary>The deferred form of a step.</summary>
    public static CatchUpStep From(AdamStep step) =>
        new(step.Decay, step.Beta1, step.StepSize, step.InvBias2, MathF.Sqrt(step.InvBias2));
}
