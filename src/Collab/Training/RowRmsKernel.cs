namespace Collab.Training;

/// <summary>
/// Fast mode's update of one row: row-wise RMSprop with decoupled weight decay. The row keeps a single
/// second moment of its gradient, v ← β2·v + (1 − β2)·mean(g²), and moves p ← p·decay − lr·g / (sqrt(v / (1 − β2ᵗ)) + ε).
/// One accumulator per row (as LIBMF and large embedding trainers do) instead of Adam's two per element:
/// no per-element square root or division and no per-element state, which is what lets fast mode run at
/// memory speed. On ml-latest-small it matches exact mode's accuracy (docs/training-modes.md).
/// </summary>
internal static class RowRmsKernel
{
    /// <summary>
    /// The update written plainly (and clearing g), the reference the fused vector kernel
    /// (<see cref="RowKernels.RmsStep"/>) is tested against.
    /// </summary>
    public static float StepScalar(Span<float> p, Span<float> g, float v, in RowRmsStep s)
    {
        double squares = 0;
        foreach (var x in g)
            squares += (double)x * x;
        v = s.Beta2 * v + (1 - s.Beta2) * (float)(squares / p.Length);
        float rate = s.LearningRate / (MathF.Sqrt(v * s.InvBias2) + s.Eps);
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = p[i] * s.Decay - rate * g[i];
            g[i] = 0;
        }
        return v;
    }
}
