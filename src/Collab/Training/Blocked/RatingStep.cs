using Collab.Models;

namespace Collab.Training.Blocked;

/// <summary>
/// The scalars of one rating's update in fast mode (<see cref="RatingKernel"/>): the output range, the scale of the
/// loss gradient (2 / batch size: the rating's share of its batch's mean squared error), decoupled decay of factors
/// and bias, and row-wise RMSprop's learning rate, β2, bias correction 1 / (1 − β2ᵗ) and ε.
/// </summary>
internal readonly record struct RatingStep(
    bool HasRange, float Low, float Width, float GradientScale, float Decay, float BiasDecay,
    float LearningRate, float Beta2, float InvBias2, float Eps, float InvFactors)
{
    public static RatingStep Create(OutputRange? range, int batchSize, int factors, double lr, double beta2, double eps,
        double weightDecay, double biasWeightDecay, int t) => new(
        HasRange: range.HasValue,
        Low: range.GetValueOrDefault().Low,
        Width: range.GetValueOrDefault().Width,
        GradientScale: 2f / batchSize,
        Decay: (float)(1 - lr * weightDecay),
        BiasDecay: (float)(1 - lr * biasWeightDecay),
        LearningRate: (float)lr,
        Beta2: (float)beta2,
        InvBias2: (float)(1 / (1 - Math.Pow(beta2, t))),
        Eps: (float)eps,
        InvFactors: 1f / factors);
}
