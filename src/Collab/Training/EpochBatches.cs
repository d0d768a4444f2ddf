namespace Collab.Training;

/// <summary>
/// One fit's loop over an epoch's batches: groups of batches scheduled (BeforeBatch, which sets their learning
/// rates), trained by the stepper and reported (AfterBatch), in order. A callback that reads parameters during
/// batches gets groups of one batch, so it sees them after each batch. When the stepper can train alongside, the
/// Learner's thread reports the group before and schedules the group after while the other workers train the one
/// in between, so the callbacks' serial work does not hold the cores; a stop asked for while reporting then lets
/// the group in flight finish unreported.
/// </summary>
internal sealed class EpochBatches(BatchStepper stepper, LearnerCallback[] callbacks, TrainingContext context, int batchSize, CancellationToken cancellation)
{
    private readonly bool _synchronizeEachBatch = callbacks.Any(c => c.ReadsParametersEachBatch);

    /// <summary>Batches reported so far in this fit.</summary>
    public int Trained { get; private set; }

    private int BatchesPerEpoch => context.BatchesPerEpoch;

    /// <summary>Trains one epoch's batches in <paramref name="order"/> (null for steppers that keep their own); true when asked to stop.</summary>
    public bool Train(int[]? order) =>
        stepper.TrainsAlongside && !_synchronizeEachBatch ? TrainOverlapped(order) : TrainInTurn(order);

    private bool TrainInTurn(int[]? order)
    {
        for (int first = 0; first < BatchesPerEpoch; )
        {
            var group = Schedule(first);
            stepper.Run(group, order, first * batchSize, context.WeightDecay);
            if (_synchronizeEachBatch)
                stepper.Synchronize();
            if (Report(group, first))
                return true;
            first += group.Count;
        }
        return false;
    }

    private bool TrainOverlapped(int[]? order)
    {
        var (group, first) = (Schedule(0), 0);
        (BatchGroup Group, int First)? previous = null;
        while (true)
        {
            BatchGroup? next = null;
            int nextFirst = first + group.Count;
            bool stop = false;
            stepper.Run(group, order, first * batchSize, context.WeightDecay, () =>
            {
                stop = previous is { } done && Report(done.Group, done.First);
                if (!stop && nextFirst < BatchesPerEpoch)
                    next = Schedule(nextFirst);
            });
            if (stop)
                return true;
            if (next is null)
                return Report(group, first);
            previous = (group, first);
            (group, first) = (next, nextFirst);
        }
    }

    private BatchGroup Schedule(int first)
    {
        var group = stepper.Begin(Math.Min(_synchronizeEachBatch ? 1 : stepper.GroupSize, BatchesPerEpoch - first));
        for (int j = 0; j < group.Count; j++)
        {
            context.Iteration = first + j;
            Callbacks.Raise(callbacks, nameof(LearnerCallback.BeforeBatch), context, static (c, x) => c.BeforeBatch(x));
            group.Schedule(j, context.LearningRate, context.Momentum);
        }
        return group;
    }

    // True when a callback or the token asks to stop.
    private bool Report(BatchGroup group, int first)
    {
        for (int j = 0; j < group.Count; j++)
        {
            context.Iteration = first + j;
            (context.LearningRate, context.Momentum) = group.Rates(j);
            context.BatchLoss = group.Losses[j];
            context.BatchPredictions = group.Predictions(j);
            Trained++;
            Callbacks.Raise(callbacks, nameof(LearnerCallback.AfterBatch), context, static (c, x) => c.AfterBatch(x));
            if (context.StopRequested || cancellation.IsCancellationRequested)
                return true;
        }
        return false;
    }
}
