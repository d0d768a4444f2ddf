using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Collab.Training.Optimizers;

/// <summary>
/// Brings one row up to date over Adam steps in which its gradient was zero: for each step j,
/// m ← β1ⱼ·m; v ← β2·v; p ← p·decayⱼ − stepSizeⱼ·m / (sqrt(v·invBias2ⱼ) + eps). The row stays in registers
/// for all the steps (steps inner, groups of four 8-wide chunks outer), so memory is touched once per catch-up
/// instead of once per step, and sqrt(v·β2^k·invBias2ⱼ) is computed as sqrt(v)·(sqrt(β2)^k·sqrt(invBias2ⱼ)): one
/// square root per element. <see cref="CatchUpScalar"/>, the step-by-step recurrence of the dense kernel, is the
/// reference.
/// </summary>
internal static class AdamCatchUpKernel
{
    private const int GroupSize = 4;

    /// <summary>
    /// Applies <paramref name="steps"/> (in order) to the row, then the <paramref name="tail"/>'s factors.
    /// <paramref name="sqrtBeta2Powers"/>[k] is sqrt(β2)^(k+1) and <paramref name="beta2Power"/> is β2^steps.Length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CatchUp(Span<float> p, Span<float> m, Span<float> v, ReadOnlySpan<CatchUpStep> steps,
        ReadOnlySpan<float> sqrtBeta2Powers, float beta2, float beta2Power, float eps, NegligibleTail tail)
    {
        int width = Vector256<float>.Count;
        int n = p.Length;
        if (!Vector256.IsHardwareAccelerated || n < width)
        {
            CatchUpScalar(p, m, v, steps, beta2, eps, tail);
            return;
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(sqrtBeta2Powers.Length, steps.Length, nameof(sqrtBeta2Powers));
        ArgumentOutOfRangeException.ThrowIfNotEqual(m.Length, n, nameof(m));
        ArgumentOutOfRangeException.ThrowIfNotEqual(v.Length, n, nameof(v));
        ref float p0 = ref MemoryMarshal.GetReference(p);
        ref float m0 = ref MemoryMarshal.GetReference(m);
        ref float v0 = ref MemoryMarshal.GetReference(v);
        var history = new History(in MemoryMarshal.GetReference(steps), in MemoryMarshal.GetReference(sqrtBeta2Powers), steps.Length, eps,
            tail with { Beta2Power = beta2Power * tail.Beta2Power });
        // Chunks are 8 floats, taken four at a time: four independent dependency chains keep the divider busy
        // (one chain runs at about half the speed). A row whose width is not a multiple of 8 ends with a chunk
        // overlapping the one before it; both are in the last group, whose loads all precede its stores, so the
        // overlap gets the same values twice. Groups short of four chunks repeat their last chunk.
        int full = n / width;
        int chunks = full + (n % width == 0 ? 0 : 1);
        int lastGroup = Math.Max(0, chunks - GroupSize);
        for (int first = 0; first < lastGroup; first += GroupSize)
            Group(ref p0, ref m0, ref v0, first, lastGroup - 1, full, n, in history);
        Group(ref p0, ref m0, ref v0, lastGroup, chunks - 1, full, n, in history);
    }

    /// <summary>
    /// What bounds the row's momentum term: max |p| and max |m| / (sqrt(v) + <paramref name="epsOverFactor"/>)
    /// (see <see cref="StepHistory"/>). <see cref="BoundScalesScalar"/> is the reference.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (float MaxValue, float MomentumScale) BoundScales(ReadOnlySpan<float> p, ReadOnlySpan<float> m, ReadOnlySpan<float> v, float epsOverFactor)
    {
        int width = Vector256<float>.Count;
        int n = p.Length;
        if (!Vector256.IsHardwareAccelerated || n < width)
            return BoundScalesScalar(p, m, v, epsOverFactor);
        ArgumentOutOfRangeException.ThrowIfNotEqual(m.Length, n, nameof(m));
        ArgumentOutOfRangeException.ThrowIfNotEqual(v.Length, n, nameof(v));
        ref float p0 = ref MemoryMarshal.GetReference(p);
        ref float m0 = ref MemoryMarshal.GetReference(m);
        ref float v0 = ref MemoryMarshal.GetReference(v);
        var offset = Vector256.Create(epsOverFactor);
        var maxValue = Vector256<float>.Zero;
        var maxScale = Vector256<float>.Zero;
        // The last chunk may overlap the one before it: a maximum does not mind seeing an element twice.
        for (int i = 0; ; i = Math.Min(i + width, n - width))
        {
            maxValue = Vector256.Max(maxValue, Vector256.Abs(Vector256.LoadUnsafe(ref p0, (nuint)i)));
            var scale = Vector256.Abs(Vector256.LoadUnsafe(ref m0, (nuint)i)) / (Vector256.Sqrt(Vector256.LoadUnsafe(ref v0, (nuint)i)) + offset);
            maxScale = Vector256.Max(maxScale, scale);
            if (i == n - width)
                break;
        }
        float value = 0, ratio = 0;
        for (int lane = 0; lane < width; lane++)
        {
            value = Math.Max(value, maxValue[lane]);
            ratio = Math.Max(ratio, maxScale[lane]);
        }
        return (value, ratio);
    }

    /// <summary>The reference of <see cref="BoundScales"/>, one element at a time.</summary>
    public static (float MaxValue, float MomentumScale) BoundScalesScalar(ReadOnlySpan<float> p, ReadOnlySpan<float> m, ReadOnlySpan<float> v, float epsOverFactor)
    {
        float value = 0, ratio = 0;
        for (int i = 0; i < p.Length; i++)
        {
            value = Math.Max(value, Math.Abs(p[i]));
            ratio = Math.Max(ratio, Math.Abs(m[i]) / (MathF.Sqrt(v[i]) + epsOverFactor));
        }
        return (value, ratio);
    }

    /// <summary>The reference: the dense kernel's recurrence with g = 0, one step at a time, per element.</summary>
    public static void CatchUpScalar(Span<float> p, Span<float> m, Span<float> v, ReadOnlySpan<CatchUpStep> steps, float beta2, float eps, NegligibleTail tail)
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
            (p[i], m[i], v[i]) = (pi * tail.Decay, mi * tail.Beta1, vi * tail.Beta2Power);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Group(ref float p0, ref float m0, ref float v0, int first, int last, int full, int n, ref readonly History history)
    {
        int Offset(int chunk) => chunk < full ? chunk * Vector256<float>.Count : n - Vector256<float>.Count;
        nuint a = (nuint)Offset(first), b = (nuint)Offset(Math.Min(first + 1, last));
        nuint c = (nuint)Offset(Math.Min(first + 2, last)), d = (nuint)Offset(Math.Min(first + 3, last));
        var (pa, pb, pc, pd) = (Vector256.LoadUnsafe(ref p0, a), Vector256.LoadUnsafe(ref p0, b), Vector256.LoadUnsafe(ref p0, c), Vector256.LoadUnsafe(ref p0, d));
        var (ma, mb, mc, md) = (Vector256.LoadUnsafe(ref m0, a), Vector256.LoadUnsafe(ref m0, b), Vector256.LoadUnsafe(ref m0, c), Vector256.LoadUnsafe(ref m0, d));
        var ra = Vector256.Sqrt(Vector256.LoadUnsafe(ref v0, a));
        var rb = Vector256.Sqrt(Vector256.LoadUnsafe(ref v0, b));
        var rc = Vector256.Sqrt(Vector256.LoadUnsafe(ref v0, c));
        var rd = Vector256.Sqrt(Vector256.LoadUnsafe(ref v0, d));
        var epsilon = Vector256.Create(history.Eps);
        ref CatchUpStep s0 = ref Unsafe.AsRef(in history.Steps);
        ref float f0 = ref Unsafe.AsRef(in history.SqrtBeta2Powers);
        for (int k = 0; k < history.Count; k++)
        {
            var s = Unsafe.Add(ref s0, k);
            float factor = Unsafe.Add(ref f0, k) * s.SqrtInvBias2;
            (ma, mb, mc, md) = (ma * s.Beta1, mb * s.Beta1, mc * s.Beta1, md * s.Beta1);
            pa = pa * s.Decay - s.StepSize * ma / (ra * factor + epsilon);
            pb = pb * s.Decay - s.StepSize * mb / (rb * factor + epsilon);
            pc = pc * s.Decay - s.StepSize * mc / (rc * factor + epsilon);
            pd = pd * s.Decay - s.StepSize * md / (rd * factor + epsilon);
        }
        var tail = history.Tail;
        (pa * tail.Decay).StoreUnsafe(ref p0, a);
        (pb * tail.Decay).StoreUnsafe(ref p0, b);
        (pc * tail.Decay).StoreUnsafe(ref p0, c);
        (pd * tail.Decay).StoreUnsafe(ref p0, d);
        (ma * tail.Beta1).StoreUnsafe(ref m0, a);
        (mb * tail.Beta1).StoreUnsafe(ref m0, b);
        (mc * tail.Beta1).StoreUnsafe(ref m0, c);
        (md * tail.Beta1).StoreUnsafe(ref m0, d);
        // v is read again here rather than kept in registers through the loop (all four before any store).
        var (va, vb, vc, vd) = (Vector256.LoadUnsafe(ref v0, a), Vector256.LoadUnsafe(ref v0, b), Vector256.LoadUnsafe(ref v0, c), Vector256.LoadUnsafe(ref v0, d));
        (va * tail.Beta2Power).StoreUnsafe(ref v0, a);
        (vb * tail.Beta2Power).StoreUnsafe(ref v0, b);
        (vc * tail.Beta2Power).StoreUnsafe(ref v0, c);
        (vd * tail.Beta2Power).StoreUnsafe(ref v0, d);
    }

    /// <summary>The pending steps and their constants, passed by reference to each group (v's factor folded into the tail).</summary>
    private readonly ref struct History(ref readonly CatchUpStep steps, ref readonly float sqrtBeta2Powers, int count, float eps, NegligibleTail tail)
    {
        public readonly ref readonly CatchUpStep Steps = ref steps;
        public readonly ref readonly float SqrtBeta2Powers = ref sqrtBeta2Powers;
        public readonly int Count = count;
        public readonly float Eps = eps;
        public readonly NegligibleTail Tail = tail;
    }
}
