using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Collab.Cli.Benchmarks;

/// <summary>
/// This machine's memory bandwidth, measured as a large array copy (STREAM's "copy"): bytes read plus bytes
/// written per second, best of a few repeats, on one thread or split over several. The buffers are native
/// memory, freed at once, so they do not inflate the peak resident memory reported for later stages.
/// </summary>
internal static class MemoryBandwidth
{
    public const long DefaultBytes = 256L << 20;

    /// <summary>Copy bandwidth in bytes per second (read + written).</summary>
    public static unsafe double Measure(int threads, long bytes = DefaultBytes, int repeats = 5)
    {
        var source = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 64);
        var target = (byte*)NativeMemory.AlignedAlloc((nuint)bytes, 64);
        try
        {
            // Touch every page first, so the copies measure memory and not page faults.
            new Span<byte>(source, (int)bytes).Fill(1);
            new Span<byte>(target, (int)bytes).Clear();
            long slice = bytes / threads;
            double best = double.MaxValue;
            for (int r = 0; r < repeats; r++)
            {
                var watch = Stopwatch.StartNew();
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
                    Buffer.MemoryCopy(source + t * slice, target + t * slice, slice, slice));
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }
            return 2.0 * slice * threads / best;
        }
        finally
        {
            NativeMemory.AlignedFree(source);
            NativeMemory.AlignedFree(target);
        }
    }
}
