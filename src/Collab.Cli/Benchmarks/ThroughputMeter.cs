using System.Diagnostics;
using Collab.Training;

namespace Collab.Cli.Benchmarks;

/// <summary>
/// Times the training steps of a fit (from an epoch's first batch to its last; the per-epoch shuffle and the
/// validation pass are left out) and stops the fit once a time budget is spent, so slow configurations are
/// measured on part of an epoch.
/// </summary>
internal sealed class ThroughputMeter(TimeSpan budget, int batchSize) : LearnerCallback
{
    private readonly Stopwatch _training = new();

    public long Ratings { get; private set; }

    public TimeSpan Elapsed => _training.Elapsed;

    public bool BudgetSpent { get; private set; }

    public override int Order => -100;

    public override bool ReadsParametersEachBatch => false;

    public override void BeforeBatch(TrainingContext context) => _training.Start();

    public override void AfterBatch(TrainingContext context)
    {
        Ratings += batchSize;
        if (context.Iteration == context.BatchesPerEpoch - 1)
            _training.Stop();
        if (_training.Elapsed >= budget)
        {
            _training.Stop();
            BudgetSpent = true;
            context.RequestStop();
        }
    }
}
