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
/// <item>Exact mode: the user and item factor rows with their gradient and both moments (the deferred steps of
/// a row run in registers, so a row is read and written once per use): 2 rows x 2 x 4 B x 4k; plus the dense
/// sweep of the bias tables (p, g, m, v), shared by the batch: (users + items) x 4 arrays x 2 x 4 B / batch
/// size; plus the rating's 12 B.</item>
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
            return 2.0 * 2 * 4 * 4 * factors + (double)(users + items) * 4 * 2 * 4 / batchSize + 12;
        int stateFloats = optimizer == FastOptimizer.LazyAdam ? 2 * row : 1;
        return 2.0 * 2 * 4 * (row + stateFloats) + 12;
    }
}
