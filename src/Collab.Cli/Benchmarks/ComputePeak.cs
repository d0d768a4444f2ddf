using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Collab.Cli.Benchmarks;

/// <summary>
/// This machine's peak single-precision arithmetic on one thread or several: 256-bit fused multiply-adds (the
/// instruction the training kernels are made of) in eight independent chains per thread, enough to keep every
/// FMA unit busy through the instruction's latency. Counted as 2 flops per lane per FMA, best of a few repeats.
/// </summary>
internal static class ComputePeak
{
    private const int Chains = 8;

    /// <summary>Floating-point operations per second (FMA = 2) summed over the threads.</summary>
    public static double Measure(int threads, long iterations = 10_000_000, int repeats = 5)
    {
        double best = double.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ => Chain(iterations));
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return (double)threads * iterations * Chains * Vector256<float>.Count * 2 / best;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Chain(long iterations)
    {
        var x = Vector256.Create(0.9999999f);
        var y = Vector256.Create(1e-7f);
        var (a0, a1, a2, a3) = (Vector256.Create(1f), Vector256.Create(2f), Vector256.Create(3f), Vector256.Create(4f));
        var (a4, a5, a6, a7) = (Vector256.Create(5f), Vector256.Create(6f), Vector256.Create(7f), Vector256.Create(8f));
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector256.FusedMultiplyAdd(a0, x, y);
            a1 = Vector256.FusedMultiplyAdd(a1, x, y);
            a2 = Vector256.FusedMultiplyAdd(a2, x, y);
            a3 = Vector256.FusedMultiplyAdd(a3, x, y);
            a4 = Vector256.FusedMultiplyAdd(a4, x, y);
            a5 = Vector256.FusedMultiplyAdd(a5, x, y);
            a6 = Vector256.FusedMultiplyAdd(a6, x, y);
            a7 = Vector256.FusedMultiplyAdd(a7, x, y);
        }
        // The sum keeps the chains alive.
        return Vector256.Sum(a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7);
    }
}
