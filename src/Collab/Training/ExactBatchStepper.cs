using Collab.Data;
using Collab.Models;
using Collab.Training.Optimizers;

namespace Collab.Training;

/// <summary>
/// Exact mode: one batch at a time, the model's own backward pass, fastai's dense Adam with the zero-gradient
/// steps of untouched embedding rows deferred (<see cref="DeferredAdamOptimizer"/>).
/// </summary>
internal sealed class ExactBatchStepper(EncodedRatings train, ICollabModel model, LearnerOptions options)
    : BatchStepper(1, options.BatchSize, train.Count)
{
    private readonly BatchBuffers _batch = new(options.BatchSize);
    private readonly DeferredAdamOptimizer _optimizer = new(model, options.Adam, options.Threads);

    public override IOptimizerState State => _optimizer;

    public override void Run(BatchGroup group, int[]? order, int offset, double weightDecay)
    {
        ArgumentNullException.ThrowIfNull(order);
        var (learningRate, momentum) = group.Rates(0);
        _batch.Gather(train, order.AsSpan(offset, group.BatchSize));
        _optimizer.CatchUp(_batch.Users, _batch.Items);
        group.Losses[0] = model.ForwardBackward(_batch.Users, _batch.Items, _batch.Ratings, group.Predictions(0).Span);
        _optimizer.Step(learningRate, momentum, weightDecay, _batch.Users, _batch.Items);
    }

    public override void Synchronize() => _optimizer.Flush();
}
