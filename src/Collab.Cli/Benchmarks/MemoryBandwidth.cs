using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;

namespace Collab.Cli.Benchmarks;

/// <summary>
/// This machine's memory bandwidth on one thread or split over several, best of a few repeats over buffers
/// far larger than any cache, counted as bytes read plus bytes written per second:
/// <list type="bullet">
/// <item>copy (STREAM's "copy"): a large array copied into another;</item>
/// <item>in-place update: a large array read, scaled and written back, which is how training touches its
/// parameters. It runs faster than a copy because a line that was just read needs no read-for-ownership
/// before it is written.</item>
/// </list>
/// The buffers are native memory, freed at once, so they do not inflate later stages' peak resident memory.
/// </summary>
internal static class MemoryBandwidth
{
    public const long DefaultBytes = 256L << 20;

    /// <summary>Copy and in-place update bandwidth, in bytes per second (read + written).</summary>
    public static unsafe (double Copy, double Update) Measure(int threads, long bytes = DefaultBytes, int repeats = 5)
    {
        var source = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 64);
        var target = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 64);
        try
        {
            // Touch every page first, so the passes measure memory and not page faults.
            new Span<float>(source, (int)(bytes / 4)).Fill(1f);
            new Span<byte>(target, (int)bytes).Clear();
            long slice = bytes / threads / 64 * 64;
            double copy = Best(threads, repeats, t => Buffer.MemoryCopy(source + t * slice, target + t * slice, slice, slice));
            double update = Best(threads, repeats, t =>
            {
                var floats = new Span<float>(source + t * slice, (int)(slice / 4));
                TensorPrimitives.Multiply(floats, 1f, floats);
            });
            return (2.0 * slice * threads / copy, 2.0 * slice * threads / update);
        }
        finally
        {
            NativeMemory.AlignedFree(source);
            NativeMemory.AlignedFree(target);
        }
    }

    private static double Best(int threads, int repeats, Action<int> pass)
    {
        double best = double.MaxValue;
        for (int r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, pass);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }
}
