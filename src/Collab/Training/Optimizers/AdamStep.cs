namespace Collab.Training.Optimizers;

/// <summary>
/// The scalars of one Adam step with decoupled weight decay, computed once per step:
/// p ← p·Decay; m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; p ← p − StepSize·m / (sqrt(v·InvBias2) + Eps).
/// </summary>
internal readonly record struct AdamStep(float Decay, float Beta1, float Beta2, float StepSize, float InvBias2, float Eps)
{
    /// <summary>fastai's step t (1-based) with the current β1 in the bias correction (spec rule 28).</summary>
    public static AdamStep Create(double lr, double beta1, double beta2, double eps, double weightDecay, int t, bool decay) => new(
        Decay: decay ? (float)(1 - lr * weightDecay) : 1f,
        Beta1: (float)beta1,
        Beta2: (float)beta2,
        StepSize: (float)(lr / (1 - Math.Pow(beta1, t))),
        InvBias2: (float)(1 / (1 - Math.Pow(beta2, t))),
        Eps: (float)eps);
}
