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

    /// <summary>
    /// Floating-point operations per rating (an FMA, a square root or a division counts as 1 per element, a
    /// multiply-add as 2): what the kernels must compute at the least, put against the peak FMA rate.
    /// <list type="bullet">
    /// <item>Fast mode, row-wise RMSprop: the dot product (2k), the two gradients scattered into slots (2 x 2k),
    /// and each of the two rows updated (sum of squares 2k, p·decay − rate·g 3k): 16k, plus 32 for the biases,
    /// the sigmoid and the per-row scalars. A row touched twice in a batch is updated once, so this is an upper
    /// bound on the update's share.</item>
    /// <item>Lazy Adam: the same 6k for the forward and backward pass, and 13 per element of each row's Adam update.</item>
    /// <item>Exact mode: the 6k per rating and 13 per parameter of the dense Adam pass, shared by the batch.</item>
    /// </list>
    /// </summary>
    public static double FlopsPerRating(TrainingMode mode, FastOptimizer optimizer, int factors, int users, int items, int batchSize)
    {
        int row = factors + 1;
        double forwardBackward = 6.0 * factors + 16;
        if (mode == TrainingMode.Exact)
            return forwardBackward + 13.0 * (users + items) * row / batchSize;
        return optimizer == FastOptimizer.LazyAdam ? forwardBackward + 2 * 13.0 * row : 16.0 * factors + 32;
    }
}
