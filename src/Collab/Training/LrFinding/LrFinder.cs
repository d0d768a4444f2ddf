using Collab.Data;
using Collab.Models;

namespace Collab.Training.LrFinding;

/// <summary>
/// fastai's learning-rate finder: train a copy of the model for a few hundred batches while the lr grows
/// exponentially from tiny to huge, record the smoothed loss, stop once it diverges, and read a good lr off
/// the curve. The model passed in is never changed.
/// </summary>
public static class LrFinder
{
    // fastai v2 reads the curve without its first tenth (a few noisy batches dominate the smoothed loss
    // there) and without its last 5 points (already diverging).
    private const int SkipEnd = 5;

    /// <summary>Sweeps learning rates on a copy of <paramref name="model"/> over <paramref name="data"/>'s training rows.</summary>
    public static LrFinderResult Run(CollabData data, DotBiasModel model, LearnerOptions learnerOptions, LrFinderOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(learnerOptions);
        options ??= new LrFinderOptions();
        options.Validate();
        var copy = DotBiasModel.CreateEmpty(model.UserCount, model.ItemCount, model.Factors, model.YRange);
        for (int t = 0; t < model.Parameters.Count; t++)
            model.Parameters[t].Values.CopyTo(copy.Parameters[t].Values, 0);
        var learner = new Learner(data, copy, learnerOptions);
        var sweep = new LrSweep(options);
        int epochs = (options.Iterations + learner.BatchesPerEpoch - 1) / Math.Max(1, learner.BatchesPerEpoch);
        learner.Fit(Math.Max(1, epochs), learnerOptions.WeightDecay, [sweep], cancellation);
        return Suggest(sweep.LearningRates, sweep.Losses, sweep.Diverged);
    }

    /// <summary>Reads both suggestions off a recorded curve.</summary>
    internal static LrFinderResult Suggest(IReadOnlyList<double> lrs, IReadOnlyList<double> losses, bool diverged)
    {
        if (lrs.Count == 0)
            throw new InvalidOperationException("The sweep recorded no batch.");
        int start = lrs.Count / 10;
        int end = Math.Max(start + 1, lrs.Count - SkipEnd);
        int best = start;
        for (int i = start + 1; i < end; i++)
            best = losses[i] < losses[best] ? i : best;
        var minimum = new LrSuggestion(lrs[best] / 10, "minimum / 10");
        // Slope per unit of log lr, measured over a quarter decade each side because the smoothed loss of single
        // batches is noisy, and only on the final descent: from the last point still at the plateau's level
        // (the mean loss of the first half before the minimum) down to the minimum. Without both, noise on the
        // flat start of the curve can look steeper than the real descent.
        double perDecade = lrs.Count > 1 ? 1 / Math.Log10(lrs[1] / lrs[0]) : 1;
        int h = Math.Max(1, (int)Math.Round(perDecade / 4));
        double plateau = losses.Skip(start).Take(Math.Max(1, (best - start) / 2)).Average();
        int from = start;
        for (int i = start; i < best; i++)
            from = losses[i] >= plateau ? i : from;
        int steepest = -1;
        double steepestSlope = 0;
        for (int i = from; i < best; i++)
        {
            int a = Math.Max(from, i - h), b = Math.Min(best, i + h);
            double slope = (losses[b] - losses[a]) / (Math.Log(lrs[b]) - Math.Log(lrs[a]));
            if (slope < steepestSlope)
                (steepest, steepestSlope) = (i, slope);
        }
        var steep = steepest < 0 ? null : new LrSuggestion(lrs[steepest], "steepest slope");
        return new LrFinderResult(lrs, losses, diverged, steep, minimum);
    }

    private sealed class LrSweep(LrFinderOptions options) : LearnerCallback
    {
        private readonly SmoothedLoss _smooth = new();
        private double _best = double.PositiveInfinity;
        private int _step;

        public List<double> LearningRates { get; } = [];

        public List<double> Losses { get; } = [];

        public bool Diverged { get; private set; }

        // Before the recorder and displays, like a schedule.
        public override int Order => -10;

        public override bool ReadsParametersEachBatch => false;

        public override void BeforeBatch(TrainingContext context)
        {
            double p = (double)_step / (options.Iterations - 1);
            context.LearningRate = options.StartLr * Math.Pow(options.EndLr / options.StartLr, p);
            context.Momentum = options.Beta1;
        }

        public override void AfterBatch(TrainingContext context)
        {
            _smooth.Add(context.BatchLoss);
            double loss = _smooth.Value;
            LearningRates.Add(context.LearningRate);
            Losses.Add(loss);
            _best = Math.Min(_best, loss);
            _step++;
            Diverged = double.IsNaN(loss) || loss > options.DivergenceFactor * _best;
            if (Diverged || _step >= options.Iterations)
                context.RequestStop();
        }
    }
}
