using Collab.Data;
using Collab.Models;
using Collab.Numerics;

namespace Collab.Training;

/// <summary>
/// Fast mode: each worker trains its share of a group of batches (batch j goes to worker j mod workers),
/// updating only touched rows of the shared tables without locks.
/// </summary>
internal sealed class FastBatchStepper : BatchStepper
{
    /// <summary>Batches each worker trains between two rounds of callbacks (amortises the fork/join).</summary>
    private const int BatchesPerWorker = 64;

    private readonly EncodedRatings _train;
    private readonly FastDotBiasEngine _engine;
    private readonly UserBlockOrder? _blocks;

    public FastBatchStepper(EncodedRatings train, DotBiasModel model, LearnerOptions options)
        : base(options.Threads == 1 ? 1 : options.Threads * BatchesPerWorker, options.BatchSize)
    {
        _train = train;
        _blocks = UserBlockOrder.For(train, model.UserCount, model.Factors);
        _engine = new FastDotBiasEngine(model, options.Adam, options.FastOptimizer, options.Threads, options.BatchSize, options.BiasWeightDecay);
    }

    public override IOptimizerState State => _engine;

    public override void FillOrder(int[] order, SeededRandom random)
    {
        if (_blocks is null)
            base.FillOrder(order, random);
        else
            _blocks.Fill(order, random);
    }

    public override void Run(BatchGroup group, int[] order, int offset, double weightDecay)
    {
        int firstStep = _engine.StepCount + 1;
        int workers = _engine.Workers;
        if (workers == 1 || group.Count == 1)
        {
            for (int j = 0; j < group.Count; j++)
                TrainOne(0, group, j, order, offset, weightDecay, firstStep);
        }
        else
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
            {
                for (int j = worker; j < group.Count; j += workers)
                    TrainOne(worker, group, j, order, offset, weightDecay, firstStep);
            });
        }
        _engine.StepCount += group.Count;
    }

    private void TrainOne(int worker, BatchGroup group, int j, int[] order, int offset, double weightDecay, int firstStep)
    {
        var (learningRate, momentum) = group.Rates(j);
        int bs = group.BatchSize;
        var rows = order.AsSpan(offset + j * bs, bs);
        // The worker's next batch, for prefetching only: it may lie in the next group (or be a partial batch).
        int next = offset + (j + _engine.Workers) * bs;
        var nextRows = order.AsSpan(Math.Min(next, order.Length), Math.Clamp(order.Length - next, 0, bs));
        group.Losses[j] = _engine.TrainBatch(worker, _train, rows, nextRows, learningRate, momentum, weightDecay, firstStep + j, group.Predictions(j).Span);
    }
}
