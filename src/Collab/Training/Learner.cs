using System.Diagnostics;
using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Training.Optimizers;

namespace Collab.Training;

/// <summary>
/// The training loop (fastai's <c>Learner</c>): for each epoch, shuffled batches of training rows through
/// forward, backward and the optimizer, then an exact validation pass. Everything else (schedule, recording,
/// progress, early stopping) plugs in as a <see cref="LearnerCallback"/>. Callbacks always run on the calling
/// thread, in batch order, also when fast mode trains several batches at once.
/// </summary>
public sealed class Learner
{
    private readonly SeededRandom _shuffle;
    private readonly List<LearnerCallback> _callbacks = [];
    private readonly BatchStepper _stepper;

    /// <summary>Creates a learner; the optimizer state lives as long as the learner, across fits.</summary>
    public Learner(CollabData data, ICollabModel model, LearnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        Data = data;
        Model = model;
        Options = options ?? new LearnerOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.BatchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Options.Threads);
        _stepper = BatchStepper.Create(data.Train, model, Options);
        _shuffle = SeededRandom.ForStream(Options.Seed, SeedStream.Shuffle);
        Recorder = new Recorder();
        _callbacks.Add(Recorder);
    }

    /// <summary>The encoded data.</summary>
    public CollabData Data { get; }

    /// <summary>The model being trained.</summary>
    public ICollabModel Model { get; }

    /// <summary>The options.</summary>
    public LearnerOptions Options { get; }

    /// <summary>The optimizer's state (its moments persist across fits, as in fastai).</summary>
    public IOptimizerState Optimizer => _stepper.State;

    /// <summary>The built-in recorder of losses and the epoch table.</summary>
    public Recorder Recorder { get; }

    /// <summary>Training batches per epoch: floor(training rows / batch size).</summary>
    public int BatchesPerEpoch => Data.Train.Count / Options.BatchSize;

    /// <summary>Adds a callback for all later fits.</summary>
    public void AddCallback(LearnerCallback callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _callbacks.Add(callback);
    }

    /// <summary>fastai's <c>fit_one_cycle(epochs, lr_max, wd)</c>.</summary>
    public FitResult FitOneCycle(int epochs, double lrMax, double? weightDecay = null, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        if (!(lrMax > 0))
            throw new ArgumentOutOfRangeException(nameof(lrMax), lrMax, "The learning rate must be positive.");
        var scheduler = new OneCycleScheduler(new OneCycleSchedule(lrMax, epochs * BatchesPerEpoch));
        return Fit(epochs, weightDecay ?? Options.WeightDecay, [scheduler], cancellation);
    }

    /// <summary>Fits for some epochs with extra callbacks for this fit only (one of them sets the lr).</summary>
    public FitResult Fit(int epochs, double weightDecay, IEnumerable<LearnerCallback> fitCallbacks, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(fitCallbacks);
        if (BatchesPerEpoch == 0)
            throw new InvalidOperationException($"There are {Data.Train.Count} training rows, fewer than one batch of {Options.BatchSize}. Lower the batch size or add data.");
        var callbacks = _callbacks.Concat(fitCallbacks).OrderBy(c => c.Order).ToArray();
        var context = new TrainingContext(this, epochs, BatchesPerEpoch, cancellation) { WeightDecay = weightDecay };
        var watch = Stopwatch.StartNew();
        var epochResults = new List<EpochResult>();
        Callbacks.Raise(callbacks, nameof(LearnerCallback.BeforeFit), c => c.BeforeFit(context));
        var batches = new EpochBatches(_stepper, callbacks, context, Options.BatchSize, cancellation);
        bool stopped = false;
        try
        {
            for (int epoch = 0; epoch < epochs && !stopped; epoch++)
            {
                var epochWatch = Stopwatch.StartNew();
                context.Epoch = epoch;
                context.Iteration = 0;
                Callbacks.Raise(callbacks, nameof(LearnerCallback.BeforeEpoch), c => c.BeforeEpoch(context));
                var order = Options.EpochOrder?.Invoke(epoch) ?? _stepper.BeginEpoch(_shuffle, Options.Sampling);
                stopped = batches.Train(order);
                if (stopped)
                    break;
                var result = new EpochResult(epoch, Recorder.SmoothLoss, Validate(), epochWatch.Elapsed);
                epochResults.Add(result);
                Callbacks.Raise(callbacks, nameof(LearnerCallback.AfterEpoch), c => c.AfterEpoch(context, result));
                stopped = context.StopRequested || cancellation.IsCancellationRequested;
            }
        }
        finally
        {
            _stepper.Synchronize(); // deferred updates land even when a callback throws or the fit is cancelled
        }
        var fit = new FitResult(epochResults, stopped, batches.Trained, watch.Elapsed);
        Callbacks.Raise(callbacks, nameof(LearnerCallback.AfterFit), c => c.AfterFit(context, fit));
        return fit;
    }

    /// <summary>Exact mean squared error over all validation rows (NaN when there are none).</summary>
    public double Validate() => Evaluate(Data.Valid);

    /// <summary>Exact mean squared error of the model on encoded rows.</summary>
    public double Evaluate(EncodedRatings rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return double.NaN;
        _stepper.Synchronize();
        var predictions = new float[rows.Count];
        // The dot-bias model predicts without shared scratch: large sets (25M ratings validate 5M rows) on all
        // threads, each task its own range. The sum below stays in row order, so the result does not change.
        const int RowsPerTask = 1 << 16;
        int tasks = (rows.Count + RowsPerTask - 1) / RowsPerTask;
        if (Model is DotBiasModel && Options.Threads > 1 && tasks > 1)
        {
            Parallel.For(0, tasks, new ParallelOptions { MaxDegreeOfParallelism = Options.Threads }, t =>
            {
                int from = t * RowsPerTask;
                int count = Math.Min(RowsPerTask, rows.Count - from);
                Model.Predict(rows.UsersArray.AsSpan(from, count), rows.ItemsArray.AsSpan(from, count), predictions.AsSpan(from, count));
            });
        }
        else
        {
            Model.Predict(rows.Users, rows.Items, predictions);
        }
        double sum = 0;
        var ratings = rows.Ratings;
        for (int r = 0; r < predictions.Length; r++)
        {
            double error = predictions[r] - ratings[r];
            sum += error * error;
        }
        return sum / rows.Count;
    }
}
