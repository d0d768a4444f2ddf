using System.Diagnostics;
using Collab.Data;
using Collab.Numerics;
using Collab.Training;

namespace Collab.Tuning;

/// <summary>
/// Random search with k-fold cross-validation on the training rows only. A seeded share of the rows is held out
/// first (the same split <c>collab train --seed</c> makes); the folds are cut from the remaining rows, so no trial
/// ever trains or validates on a held-out row. Trial 0 is the lesson's recipe and trial 1 the accurate recipe, so
/// the report always shows where the defaults stand; later trials draw from the <see cref="TuningSpace"/>.
/// </summary>
public static class Tuner
{
    /// <summary>The k folds over the rows the held-out split leaves for training, as row indices into the table.</summary>
    public static IReadOnlyList<DataSplit> Folds(DataSplit holdout, int folds, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(holdout);
        return [.. DataSplit.KFold(holdout.Train.Length, folds, seed).Select(f =>
            new DataSplit([.. f.Train.Select(r => holdout.Train[r])], [.. f.Valid.Select(r => holdout.Train[r])]))];
    }

    /// <summary>
    /// Runs trials until the budget or the trial limit is reached, continuing <paramref name="state"/>; calls
    /// <paramref name="progress"/> after each trial (the caller saves the state there).
    /// </summary>
    public static TuningState Run(RatingsTable table, TunerOptions options, TuningState? state = null,
        Action<TrialResult, TuningState>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        var fresh = new TuningState { Rows = table.Count, HoldoutPct = options.HoldoutPct, Seed = options.Seed, Folds = options.Folds };
        if (state is not null && !state.SameProtocol(fresh))
            throw new ArgumentException("The saved search used another table, seed, holdout or fold count; start a new state file.");
        state ??= fresh;
        var holdout = DataSplit.Random(table.Count, options.HoldoutPct, options.Seed);
        var folds = Folds(holdout, options.Folds, options.Seed);
        float highest = holdout.Train.Length == 0 ? 5f : holdout.Train.Max(r => table.Ratings[r]);
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < options.Budget && state.Trials.Count < options.MaxTrials && !cancellation.IsCancellationRequested)
        {
            int index = state.Trials.Count;
            var settings = index switch
            {
                0 => TrialSettings.Lesson,
                1 => TrialSettings.Accurate,
                _ => options.Space.Sample(new SeededRandom(options.Seed * 1_000_003UL + (ulong)index)),
            };
            var trialWatch = Stopwatch.StartNew();
            var rmse = new List<double>();
            for (int f = 0; f < folds.Count; f++)
            {
                rmse.Add(FoldRmse(table, settings.ToOptions(highest, options.Seed + (ulong)f), folds[f], cancellation));
            }
            var result = new TrialResult(index, settings, rmse, trialWatch.Elapsed.TotalSeconds);
            state.Trials.Add(result);
            progress?.Invoke(result, state);
        }
        return state;
    }

    // A trial whose learning rate makes training diverge is simply the worst possible: the search goes on.
    private static double FoldRmse(RatingsTable table, TrainingOptions options, DataSplit fold, CancellationToken cancellation)
    {
        try
        {
            return CollabTrainer.Train(table, options, fold, cancellation: cancellation).Summary.ValidRmse;
        }
        catch (TrainingDivergedException)
        {
            return double.PositiveInfinity;
        }
    }
}
