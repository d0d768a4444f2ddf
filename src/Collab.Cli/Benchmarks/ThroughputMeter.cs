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
    private TimeSpan _cpuAtStart;
    private bool _started;

    public long Ratings { get; private set; }

    public TimeSpan Elapsed => _training.Elapsed;

    /// <summary>Processor time of the whole process (all threads) from the first batch to the end of the measured epoch.</summary>
    public TimeSpan ProcessorTime { get; private set; }

    public bool BudgetSpent { get; private set; }

    public override int Order => -100;

    public override bool ReadsParametersEachBatch => false;

    public override void BeforeBatch(TrainingContext context)
    {
        if (!_started)
        {
            _started = true;
            _cpuAtStart = CurrentProcessorTime();
        }
        _training.Start();
    }

    public override void AfterBatch(TrainingContext context)
    {
        Ratings += batchSize;
        if (context.Iteration == context.BatchesPerEpoch - 1)
            Stop();
        // The clock is read every 256 batches: reading it at every batch was a measurable part of fast mode's epoch.
        if ((context.Iteration & 255) == 0 && _training.Elapsed >= budget)
        {
            Stop();
            BudgetSpent = true;
            context.RequestStop();
        }
    }

    private void Stop()
    {
        if (_training.IsRunning)
            ProcessorTime = CurrentProcessorTime() - _cpuAtStart;
        _training.Stop();
    }

    private static TimeSpan CurrentProcessorTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
