using Collab.Training;

namespace Collab.Cli.Benchmarks;

/// <summary>
/// Bytes of memory one rating's update must read and write at the least, so a measured throughput can be put
/// against the bound: in-place update bandwidth / bytes (see <see cref="MemoryBandwidth"/>). Floats are 4
/// bytes; a row has k + 1 parameters (factors and bias).
/// <list type="bullet">
/// <item>Fast mode: the user row and the item row, parameters and their optimizer state, each read and written
/// once: 2 rows x 2 x 4 B x ((k + 1) + state floats per row), plus 12 B of the rating (user, item, value).
/// Row-wise RMSprop keeps 1 state float per row; lazy Adam 2 per parameter, 2(k + 1).</item>
/// <item>Exact mode: every step sweeps all of both tables (p, g, m and v read and written) whatever the
/// batch, shared by the batch's ratings: (users + items) x (k + 1) x 4 arrays x 2 x 4 B / batch size.</item>
/// </list>
/// </summary>
internal static class TrafficModel
{
    /// <summary>Bytes of the two tables with the optimizer's arrays: what a pass over them must stream.</summary>
    public static long TableBytes(TrainingMode mode, FastOptimizer optimizer, int factors, int users, int items)
    {
        long rows = (long)users + items;
        int row = factors + 1;
        if (mode == TrainingMode.Exact)
            return rows * row * 4 * 4;
        return rows * 4 * (optimizer == FastOptimizer.LazyAdam ? 3L * row : row + 1);
    }

    public static double BytesPerRating(TrainingMode mode, FastOptimizer optimizer, int factors, int users, int items, int batchSize)
    {
        int row = factors + 1;
        if (mode == TrainingMode.Exact)
            return (double)(users + items) * row * 4 * 2 * 4 / batchSize;
        int stateFloats = optimizer == FastOptimizer.LazyAdam ? 2 * row : 1;
        return 2.0 * 2 * 4 * (row + stateFloats) + 12;
    }
}
