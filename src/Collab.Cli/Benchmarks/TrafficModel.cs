using Collab.Training;
using Collab.Training.Optimizers;

namespace Collab.Cli.Benchmarks;

/// <summary>
/// Bytes of memory one rating's update must read and write at the least, so a measured throughput can be put
/// against the bound: in-place update bandwidth / bytes (see <see cref="MemoryBandwidth"/>). Floats are 4
/// bytes; a row has k + 1 parameters (factors and bias).
/// <list type="bullet">
/// <item>Fast mode: the user row and the item row, parameters and their optimizer state, each read and written
/// once: 2 rows x 2 x 4 B x ((k + 1) + state floats per row), plus the rating. Row-wise RMSprop keeps 2 state
/// floats per row (the factors' and the bias's second moment) and reads 8 B per rating from its grid (packed user
/// and item offsets, value); lazy Adam keeps 2 per parameter, 2(k + 1), and reads 12 B (user, item, value).</item>
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
        return rows * 4 * (optimizer == FastOptimizer.LazyAdam ? 3L * row : row + 2);
    }

    public static double BytesPerRating(TrainingMode mode, FastOptimizer optimizer, int factors, int users, int items, int batchSize)
    {
        int row = factors + 1;
        if (mode == TrainingMode.Exact)
            return 2.0 * 2 * 4 * 4 * factors + (double)(users + items) * 4 * 2 * 4 / batchSize + 12;
        return optimizer == FastOptimizer.LazyAdam ? 2.0 * 2 * 4 * (row + 2 * row) + 12 : 2.0 * 2 * 4 * (row + 2) + 8;
    }

    /// <summary>
    /// Floating-point operations per rating (an FMA, a square root or a division counts as 1 per element, a
    /// multiply-add as 2): what the kernels must compute at the least, put against the peak FMA rate.
    /// <list type="bullet">
    /// <item>Fast mode, row-wise RMSprop (one step per rating): the dot product and both rows' sums of squares in one
    /// pass (3 x 2k), each row's p·decay − step·other row (2 x 3k): 12k, plus 48 for the biases, the sigmoid and the
    /// four second moments with their square roots and divisions.</item>
    /// <item>Lazy Adam: the forward and backward pass (6k + 16), and 13 per element of each row's Adam update.</item>
    /// <item>Exact mode: the 6k per rating and 13 per parameter of the dense Adam pass, shared by the batch.</item>
    /// </list>
    /// </summary>
    public static double FlopsPerRating(TrainingMode mode, FastOptimizer optimizer, int factors, int users, int items, int batchSize)
    {
        int row = factors + 1;
        double forwardBackward = 6.0 * factors + 16;
        if (mode == TrainingMode.Exact)
            return forwardBackward + 13.0 * (users + items) * row / batchSize;
        return optimizer == FastOptimizer.LazyAdam ? forwardBackward + 2 * 13.0 * row : 12.0 * factors + 48;
    }
}
