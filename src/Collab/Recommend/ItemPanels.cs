using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Collab.Models;

namespace Collab.Recommend;

/// <summary>
/// The item factor table packed for scoring many users at once: panels of 16 items, each panel's factors stored factor
/// by factor (16 contiguous floats per factor), zero-padded at the end. The kernel keeps the scores of 16 items for 4
/// users in eight registers while it runs through the factors, so each loaded factor vector serves 4 users and the
/// scores are written once per panel, instead of once per factor as column-by-column multiply-adds must (those are
/// bound by cache bandwidth: docs/recommend.md has the measurement). Without 256-bit vectors, the scalar reference
/// path computes the same sums (in another rounding: the kernel fuses its multiply-adds).
/// </summary>
internal sealed class ItemPanels
{
    private const int Width = 16;
    private const int Users = 4;

    private readonly float[] _panels;

    public ItemPanels(ParameterTensor table)
    {
        Rows = table.Rows;
        Factors = table.Columns;
        _panels = new float[(Rows + Width - 1) / Width * Factors * Width];
        for (int r = 0; r < Rows; r++)
        {
            var row = table.Row(r);
            int panel = r / Width, lane = r % Width;
            for (int c = 0; c < Factors; c++)
                _panels[(panel * Factors + c) * Width + lane] = row[c];
        }
    }

    public int Rows { get; }

    public int Factors { get; }

    /// <summary>scores[q * Rows + r] += query q · item r, for <paramref name="count"/> queries (row-major, count x k).</summary>
    public void AddDots(ReadOnlySpan<float> queries, int count, Span<float> scores) =>
        AddDots(queries, count, scores, vectorized: Vector256.IsHardwareAccelerated);

    /// <summary>The same, choosing the path: the tests run both and compare them.</summary>
    internal void AddDots(ReadOnlySpan<float> queries, int count, Span<float> scores, bool vectorized)
    {
        if (queries.Length < count * Factors || scores.Length < count * Rows)
            throw new ArgumentException("The buffers are smaller than count queries and their scores.");
        Span<float> sums = stackalloc float[Users * Width];
        // A last group of fewer than four queries is padded with zero queries, so the vector kernel serves it too.
        var padded = vectorized && count % Users != 0 ? new float[Users * Factors] : null;
        if (padded is not null)
            queries.Slice(count / Users * Users * Factors, count % Users * Factors).CopyTo(padded);
        for (int panel = 0; panel * Width < Rows; panel++)
        {
            var factors = _panels.AsSpan(panel * Factors * Width, Factors * Width);
            int first = panel * Width;
            int items = Math.Min(Width, Rows - first);
            for (int q = 0; q < count; q += Users)
            {
                int users = Math.Min(Users, count - q);
                var block = queries.Slice(q * Factors, users * Factors);
                if (!vectorized)
                    ScalarSums(factors, block, users, Factors, sums);
                else
                    SumsOfFour(factors, users == Users ? block : padded, Factors, sums);
                for (int u = 0; u < users; u++)
                {
                    var target = scores.Slice((q + u) * Rows + first, items);
                    TensorPrimitives.Add(target, sums.Slice(u * Width, items), target);
                }
            }
        }
    }

    // sums[u * Width + i] = query u · item i of the panel, for four queries: two vectors of 8 items per query.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SumsOfFour(ReadOnlySpan<float> factors, ReadOnlySpan<float> queries, int k, Span<float> sums)
    {
        ref float f = ref MemoryMarshal.GetReference(factors);
        ref float q = ref MemoryMarshal.GetReference(queries);
        Vector256<float> a0 = default, a1 = default, b0 = default, b1 = default, c0 = default, c1 = default, d0 = default, d1 = default;
        for (int c = 0; c < k; c++)
        {
            var low = Vector256.LoadUnsafe(ref f, (nuint)(c * Width));
            var high = Vector256.LoadUnsafe(ref f, (nuint)(c * Width + 8));
            var qa = Vector256.Create(Unsafe.Add(ref q, c));
            var qb = Vector256.Create(Unsafe.Add(ref q, k + c));
            var qc = Vector256.Create(Unsafe.Add(ref q, 2 * k + c));
            var qd = Vector256.Create(Unsafe.Add(ref q, 3 * k + c));
            a0 = Vector256.FusedMultiplyAdd(low, qa, a0);
            a1 = Vector256.FusedMultiplyAdd(high, qa, a1);
            b0 = Vector256.FusedMultiplyAdd(low, qb, b0);
            b1 = Vector256.FusedMultiplyAdd(high, qb, b1);
            c0 = Vector256.FusedMultiplyAdd(low, qc, c0);
            c1 = Vector256.FusedMultiplyAdd(high, qc, c1);
            d0 = Vector256.FusedMultiplyAdd(low, qd, d0);
            d1 = Vector256.FusedMultiplyAdd(high, qd, d1);
        }
        ref float s = ref MemoryMarshal.GetReference(sums);
        a0.StoreUnsafe(ref s, 0);
        a1.StoreUnsafe(ref s, 8);
        b0.StoreUnsafe(ref s, 16);
        b1.StoreUnsafe(ref s, 24);
        c0.StoreUnsafe(ref s, 32);
        c1.StoreUnsafe(ref s, 40);
        d0.StoreUnsafe(ref s, 48);
        d1.StoreUnsafe(ref s, 56);
    }

    // The reference: the same sums in plain loops, for any number of queries up to four.
    private static void ScalarSums(ReadOnlySpan<float> factors, ReadOnlySpan<float> queries, int users, int k, Span<float> sums)
    {
        for (int u = 0; u < users; u++)
        {
            for (int i = 0; i < Width; i++)
            {
                float sum = 0;
                for (int c = 0; c < k; c++)
                    sum += factors[c * Width + i] * queries[u * k + c];
                sums[u * Width + i] = sum;
            }
        }
    }
}
