using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Collab.Training;

/// <summary>
/// Fast mode's per-row arithmetic on flat rows of k floats, addressed by reference (no spans, no bounds checks
/// in the hot loop): a dot product, a scaled store or accumulate into a gradient slot, and the row-wise RMSprop
/// step. Each has a plain scalar twin, the reference the tests compare the vector paths with: <see cref="DotScalar"/>,
/// <see cref="AddScaledScalar"/> and <see cref="RowRmsKernel.StepScalar"/>.
/// Vectors are 256 bits (8 floats); when k is not a multiple of 8, the last vector of a row overlaps the one before
/// it (masked in sums, computed from the original values in updates), so no float takes a scalar path.
/// </summary>
internal static class RowKernels
{
    /// <summary>a · b over k floats.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ref float a, ref float b, int k)
    {
        if (!Vector256.IsHardwareAccelerated || k < 8)
            return DotTail(ref a, ref b, 0, k);
        var acc0 = Vector256<float>.Zero;
        var acc1 = Vector256<float>.Zero;
        int j = 0;
        for (; j <= k - 16; j += 16)
        {
            acc0 = Vector256.FusedMultiplyAdd(Load(ref a, j), Load(ref b, j), acc0);
            acc1 = Vector256.FusedMultiplyAdd(Load(ref a, j + 8), Load(ref b, j + 8), acc1);
        }
        if (j <= k - 8)
        {
            acc0 = Vector256.FusedMultiplyAdd(Load(ref a, j), Load(ref b, j), acc0);
            j += 8;
        }
        if (j < k)
            acc1 += Load(ref a, k - 8) * Load(ref b, k - 8) & TailMask(k - j);
        return Vector256.Sum(acc0 + acc1);
    }

    /// <summary>dst = d·src (<paramref name="store"/>: the slot's first rating) or dst += d·src.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled(ref float dst, ref float src, float d, int k, bool store)
    {
        if (!Vector256.IsHardwareAccelerated || k < 8)
        {
            for (int i = 0; i < k; i++)
                Unsafe.Add(ref dst, i) = store ? d * Unsafe.Add(ref src, i) : Unsafe.Add(ref dst, i) + d * Unsafe.Add(ref src, i);
            return;
        }
        // The last 8 floats are computed first, from the original values, and stored last: where they overlap
        // the main loop's vectors they hold the same result.
        var dv = Vector256.Create(d);
        int j = 0;
        if (store)
        {
            var tail = dv * Load(ref src, k - 8);
            for (; j <= k - 8; j += 8)
                (dv * Load(ref src, j)).StoreUnsafe(ref dst, (nuint)j);
            tail.StoreUnsafe(ref dst, (nuint)(k - 8));
        }
        else
        {
            var tail = Vector256.FusedMultiplyAdd(dv, Load(ref src, k - 8), Load(ref dst, k - 8));
            for (; j <= k - 8; j += 8)
                Vector256.FusedMultiplyAdd(dv, Load(ref src, j), Load(ref dst, j)).StoreUnsafe(ref dst, (nuint)j);
            tail.StoreUnsafe(ref dst, (nuint)(k - 8));
        }
    }

    /// <summary>
    /// Row-wise RMSprop (<see cref="RowRmsKernel"/>) on a row and its gradient slot: v ← β2·v + (1 − β2)·mean(g²),
    /// p ← p·decay − lr·g / (sqrt(v / (1 − β2ᵗ)) + ε). Leaves g as it is; returns the new v.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float RmsStep(ref float p, ref float g, int k, float v, in RowRmsStep s)
    {
        if (!Vector256.IsHardwareAccelerated || k < 8)
            return RmsStepTail(ref p, ref g, k, v, s);
        float squares = Dot(ref g, ref g, k);
        v = s.Beta2 * v + (1 - s.Beta2) * squares / k;
        float rate = s.LearningRate / (MathF.Sqrt(v * s.InvBias2) + s.Eps);
        var decay = Vector256.Create(s.Decay);
        var step = Vector256.Create(-rate);
        var tail = Vector256.FusedMultiplyAdd(step, Load(ref g, k - 8), Load(ref p, k - 8) * decay);
        for (int j = 0; j <= k - 8; j += 8)
            Vector256.FusedMultiplyAdd(step, Load(ref g, j), Load(ref p, j) * decay).StoreUnsafe(ref p, (nuint)j);
        tail.StoreUnsafe(ref p, (nuint)(k - 8));
        return v;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Load(ref float at, int offset) => Vector256.LoadUnsafe(ref at, (nuint)offset);

    // Keeps the last `count` lanes (1..7) of a vector.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> TailMask(int count) =>
        Vector256.GreaterThanOrEqual(Vector256<int>.Indices, Vector256.Create(8 - count)).AsSingle();

    private static float DotTail(ref float a, ref float b, int from, int k)
    {
        float sum = 0;
        for (int j = from; j < k; j++)
            sum += Unsafe.Add(ref a, j) * Unsafe.Add(ref b, j);
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float RmsStepTail(ref float p, ref float g, int k, float v, in RowRmsStep s)
    {
        float squares = DotTail(ref g, ref g, 0, k);
        v = s.Beta2 * v + (1 - s.Beta2) * squares / k;
        float rate = s.LearningRate / (MathF.Sqrt(v * s.InvBias2) + s.Eps);
        for (int j = 0; j < k; j++)
            Unsafe.Add(ref p, j) = Unsafe.Add(ref p, j) * s.Decay - rate * Unsafe.Add(ref g, j);
        return v;
    }

    /// <summary>The scalar reference of <see cref="Dot"/>.</summary>
    public static float DotScalar(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
            sum += (double)a[j] * b[j];
        return (float)sum;
    }

    /// <summary>The scalar reference of <see cref="AddScaled"/>.</summary>
    public static void AddScaledScalar(Span<float> dst, ReadOnlySpan<float> src, float d, bool store)
    {
        for (int j = 0; j < dst.Length; j++)
            dst[j] = (store ? 0 : dst[j]) + d * src[j];
    }
}
