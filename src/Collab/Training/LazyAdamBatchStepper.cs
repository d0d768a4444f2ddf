using Collab.Data;
using Collab.Models;
using Collab.Training.Optimizers;

namespace Collab.Training;

/// <summary>
/// Fast mode with lazy Adam: each worker trains its share of a group of batches (batch j goes to worker j mod
/// workers) in the epoch's shuffled order, updating only touched rows of the shared tables without locks.
/// </summary>
internal sealed class LazyAdamBatchStepper : BatchStepper
{
    /// <summary>Batches each worker trains between two rounds of callbacks (amortises the fork/join).</summary>
    private const int BatchesPerWorker = 64;

    private readonly EncodedRatings _train;
    private readonly LazyAdamEngine _engine;

    public LazyAdamBatchStepper(EncodedRatings train, DotBiasModel model, LearnerOptions options)
        : base(options.Threads == 1 ? 1 : options.Threads * BatchesPerWorker, options.BatchSize, train.Count)
    {
        _train = train;
        _engine = new LazyAdamEngine(model, options.Adam, options.Threads, options.BatchSize, options.BiasWeightDecay);
    }

    public override IOptimizerState State => _engine;

    public override void Run(BatchGroup group, int[]? order, int offset, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(order);
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
        var rows = order.AsSpan(offset + j * group.BatchSize, group.BatchSize);
        group.Losses[j] = _engine.TrainBatch(worker, _train, rows, learningRate, momentum, weightDecay, firstStep + j, group.Predictions(j).Span);
    }
}
