namespace Collab.Training.Optimizers;

/// <summary>
/// The last of a row's pending steps, whose momentum term is negligible (see <see cref="DeferredTable"/>): all they
/// do is multiply p by the product of their decays, m by the product of their β1s and v by β2 to their number.
/// </summary>
internal readonly record struct NegligibleTail(float Decay, float Beta1, float Beta2Power)
{
    /// <summary>No such steps.</summary>
    public static NegligibleTail None => new(1f, 1f, 1f);
}
