namespace Collab.Training;

/// <summary>The scalars of one row-wise RMSprop step (see <see cref="RowRmsKernel"/>).</summary>
internal readonly record struct RowRmsStep(float Decay, float LearningRate, float Beta2, float InvBias2, float Eps)
{
    public static RowRmsStep Create(double lr, double beta2, double eps, double weightDecay, int t) => new(
        Decay: (float)(1 - lr * weightDecay),
        LearningRate: (float)lr,
        Beta2: (float)beta2,
        InvBias2: (float)(1 / (1 - Math.Pow(beta2, t))),
        Eps: (float)eps);
}
