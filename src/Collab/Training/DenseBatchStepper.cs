using Collab.Data;
using Collab.Models;

namespace Collab.Training;

/// <summary>Exact mode: one batch at a time, the model's own backward pass, dense Adam over every row.</summary>
internal sealed class DenseBatchStepper(EncodedRatings train, ICollabModel model, LearnerOptions options)
    : BatchStepper(1, options.BatchSize)
{
    private readonly BatchBuffers _batch = new(options.BatchSize);
    private readonly AdamOptimizer _optimizer = new(model.Parameters, options.Adam, options.Threads);

    public override IOptimizerState State => _optimizer;

    public override void Run(BatchGroup group, int[] order, int offset, double weightDecay)
    {
        var (learningRate, momentum) = group.Rates(0);
        _batch.Gather(train, order.AsSpan(offset, group.BatchSize));
        group.Losses[0] = model.ForwardBackward(_batch.Users, _batch.Items, _batch.Ratings, group.Predictions(0).Span);
        _optimizer.Step(learningRate, momentum, weightDecay);
    }
}
