using System.Runtime.CompilerServices;
using System.Numerics;

namespace Collab.Training.Optimizers;

/// <summary>
/// Dense Adam over whole tables, fused into one pass over p, g, m and v (and clearing g), so the
/// fastai-exact update costs one sweep of memory. <see cref="StepScalar"/> is the reference the SIMD path is
/// tested against.
/// </summary>
internal static class AdamKernel
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Step(Span<float> p, Span<float> g, Span<float> m, Span<float> v, AdamStep s)
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && p.Length >= Vector<float>.Count)
        {
            var decay = new Vector<float>(s.Decay);
            var b1 = new Vector<float>(s.Beta1);
            var c1 = new Vector<float>(1 - s.Beta1);
            var b2 = new Vector<float>(s.Beta2);
            var c2 = new Vector<float>(1 - s.Beta2);
            var stepSize = new Vector<float>(s.StepSize);
            var invBias2 = new Vector<float>(s.InvBias2);
            var eps = new Vector<float>(s.Eps);
            int last = p.Length - Vector<float>.Count;
            for (; i <= last; i += Vector<float>.Count)
            {
                var gi = new Vector<float>(g[i..]);
                var mi = b1 * new Vector<float>(m[i..]) + c1 * gi;
                var vi = b2 * new Vector<float>(v[i..]) + c2 * gi * gi;
                var pi = new Vector<float>(p[i..]) * decay;
                pi -= stepSize * mi / (Vector.SquareRoot(vi * invBias2) + eps);
                mi.CopyTo(m[i..]);
                vi.CopyTo(v[i..]);
                pi.CopyTo(p[i..]);
                Vector<float>.Zero.CopyTo(g[i..]);
            }
        }
        StepScalar(p[i..], g[i..], m[i..], v[i..], s);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void StepScalar(Span<float> p, Span<float> g, Span<float> m, Span<float> v, AdamStep s)
    {
        for (int i = 0; i < p.Length; i++)
        {
            float gi = g[i];
            float mi = s.Beta1 * m[i] + (1 - s.Beta1) * gi;
            float vi = s.Beta2 * v[i] + (1 - s.Beta2) * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] = p[i] * s.Decay - s.StepSize * mi / (MathF.Sqrt(vi * s.InvBias2) + s.Eps);
            g[i] = 0;
        }
    }
}
