using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Collab.Training;

/// <summary>
/// Brings one row up to date over Adam steps in which its gradient was zero: for each step j,
/// m ← β1ⱼ·m; v ← β2·v; p ← p·decayⱼ − stepSizeⱼ·m / (sqrt(v·invBias2ⱼ) + eps). The row stays in registers for
/// all the steps (steps inner, 8-wide chunks outer), so memory is touched once per catch-up instead of once per
/// step, and sqrt(v·β2^k·invBias2ⱼ) is computed as sqrt(v)·(sqrt(β2)^k·sqrt(invBias2ⱼ)): one square root per
/// element. <see cref="CatchUpScalar"/>, the step-by-step recurrence of the dense kernel, is the reference.
/// </summary>
internal static class AdamCatchUpKernel
{
    /// <summary>
    /// Applies <paramref name="steps"/> (in order) to the row. <paramref name="sqrtBeta2Powers"/>[k] is sqrt(β2)^(k+1)
    /// and <paramref name="beta2Power"/> is β2^steps.Length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CatchUp(Span<float> p, Span<float> m, Span<float> v, ReadOnlySpan<CatchUpStep> steps,
        ReadOnlySpan<float> sqrtBeta2Powers, float beta2, float beta2Power, float eps)
    {
        int width = Vector256<float>.Count;
        int n = p.Length;
        if (steps.IsEmpty)
            return;
        if (!Vector256.IsHardwareAccelerated || n < width)
        {
            CatchUpScalar(p, m, v, steps, beta2, eps);
            return;
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(sqrtBeta2Powers.Length, steps.Length, nameof(sqrtBeta2Powers));
        ArgumentOutOfRangeException.ThrowIfNotEqual(m.Length, n, nameof(m));
        ArgumentOutOfRangeException.ThrowIfNotEqual(v.Length, n, nameof(v));
        ref float p0 = ref MemoryMarshal.GetReference(p);
        ref float m0 = ref MemoryMarshal.GetReference(m);
        ref float v0 = ref MemoryMarshal.GetReference(v);
        ref readonly CatchUpStep s0 = ref MemoryMarshal.GetReference(steps);
        ref readonly float f0 = ref MemoryMarshal.GetReference(sqrtBeta2Powers);
        // A row whose width is not a multiple of 8 ends with a chunk overlapping the one before it: computed
        // first, from the values before the catch-up, and stored last (the overlap gets the same values twice).
        int tail = n - width;
        bool ragged = n % width != 0;
        var (tp, tm, tv) = ragged ? Chunk(ref p0, ref m0, ref v0, tail, in s0, in f0, steps.Length, beta2Power, eps) : default;
        for (int i = 0; i + width <= n; i += width)
        {
            var (pi, mi, vi) = Chunk(ref p0, ref m0, ref v0, i, in s0, in f0, steps.Length, beta2Power, eps);
            pi.StoreUnsafe(ref p0, (nuint)i);
            mi.StoreUnsafe(ref m0, (nuint)i);
            vi.StoreUnsafe(ref v0, (nuint)i);
        }
        if (ragged)
        {
            tp.StoreUnsafe(ref p0, (nuint)tail);
            tm.StoreUnsafe(ref m0, (nuint)tail);
            tv.StoreUnsafe(ref v0, (nuint)tail);
        }
    }

    /// <summary>The reference: the dense kernel's recurrence with g = 0, one step at a time, per element.</summary>
    public static void CatchUpScalar(Span<float> p, Span<float> m, Span<float> v, ReadOnlySpan<CatchUpStep> steps, float beta2, float eps)
    {
        for (int i = 0; i < p.Length; i++)
        {
            float pi = p[i], mi = m[i], vi = v[i];
            foreach (var s in steps)
            {
                mi *= s.Beta1;
                vi *= beta2;
                pi = pi * s.Decay - s.StepSize * mi / (MathF.Sqrt(vi * s.InvBias2) + eps);
            }
            (p[i], m[i], v[i]) = (pi, mi, vi);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float> P, Vector256<float> M, Vector256<float> V) Chunk(ref float p0, ref float m0, ref float v0, int i,
        ref readonly CatchUpStep s0, ref readonly float f0, int count, float beta2Power, float eps)
    {
        var p = Vector256.LoadUnsafe(ref p0, (nuint)i);
        var m = Vector256.LoadUnsafe(ref m0, (nuint)i);
        var v = Vector256.LoadUnsafe(ref v0, (nuint)i);
        var root = Vector256.Sqrt(v);
        var epsilon = Vector256.Create(eps);
        for (int k = 0; k < count; k++)
        {
            ref readonly var s = ref Unsafe.Add(ref Unsafe.AsRef(in s0), k);
            float factor = Unsafe.Add(ref Unsafe.AsRef(in f0), k) * s.SqrtInvBias2;
            m *= s.Beta1;
            p = p * s.Decay - s.StepSize * m / (root * factor + epsilon);
        }
        return (p, m, v * beta2Power);
    }
}
