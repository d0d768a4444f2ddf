using System.Numerics;
using System.Runtime.CompilerServices;

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
    /// <summary>Updates the row and clears its gradient; returns the row's new second moment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Step(Span<float> p, Span<float> g, float v, in RowRmsStep s)
    {
        float squares = SumOfSquares(g);
        v = s.Beta2 * v + (1 - s.Beta2) * squares / p.Length;
        float rate = s.LearningRate / (MathF.Sqrt(v * s.InvBias2) + s.Eps);
        int i = 0;
        if (Vector.IsHardwareAccelerated && p.Length >= Vector<float>.Count)
        {
            var decay = new Vector<float>(s.Decay);
            var step = new Vector<float>(rate);
            int last = p.Length - Vector<float>.Count;
            for (; i <= last; i += Vector<float>.Count)
            {
                var pi = new Vector<float>(p[i..]) * decay - step * new Vector<float>(g[i..]);
                pi.CopyTo(p[i..]);
                Vector<float>.Zero.CopyTo(g[i..]);
            }
        }
        for (; i < p.Length; i++)
        {
            p[i] = p[i] * s.Decay - rate * g[i];
            g[i] = 0;
        }
        return v;
    }

    /// <summary>The same update written plainly, the reference the vector path is tested against.</summary>
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

    private static float SumOfSquares(ReadOnlySpan<float> g)
    {
        int i = 0;
        var acc = Vector<float>.Zero;
        if (Vector.IsHardwareAccelerated)
        {
            int last = g.Length - Vector<float>.Count;
            for (; i <= last; i += Vector<float>.Count)
            {
                var gi = new Vector<float>(g[i..]);
                acc += gi * gi;
            }
        }
        float sum = Vector.Sum(acc);
        for (; i < g.Length; i++)
            sum += g[i] * g[i];
        return sum;
    }
}
