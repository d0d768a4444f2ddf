using System.Diagnostics;
using Collab.Data;
using Collab.Evaluation.Metrics;
using Collab.Models;
using Collab.Models.Merging;
using Collab.Persistence;
using Collab.Training.Bayesian;

namespace Collab.Training;

/// <summary>
/// Trains the Bayesian factorization machine: builds the features, runs the Gibbs chain, keeps every
/// <see cref="BayesOptions.Thin"/>-th sample after the burn-in, and saves the mean of the kept samples' scores as one
/// dot-bias model (<see cref="LowRankMerge"/>), so prediction, top-N, similar items, explanations, fold-in and the
/// service work on it unchanged. Cancelling stops the chain and keeps the samples drawn so far.
/// </summary>
public static class BayesTrainer
{
    // The kept samples live in memory until they are merged; beyond this the chain is thinned further.
    private const long KeptBytesLimit = 1L << 30;

    /// <summary>Trains on a table with a random split (or the given one); <paramref name="progress"/> hears every sweep.</summary>
    public static TrainedModel Train(RatingsTable table, TrainingOptions options, DataSplit? split = null, IProgress<GibbsSweep>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        split ??= DataSplit.Random(table.Count, options.ValidPct, options.Seed);
        // Users and items of the attribute tables get rows even without a training rating: their attributes score them.
        var data = CollabData.FromTable(table, split, options.VocabularyScope,
            options.Bayes.UserAttributes?.Ids ?? [], options.Bayes.ItemAttributes?.Ids ?? []);
        return Train(data, table, options, progress, cancellation);
    }

    internal static TrainedModel Train(CollabData data, RatingsTable table, TrainingOptions options, IProgress<GibbsSweep>? progress, CancellationToken cancellation)
    {
        var bayes = options.Bayes;
        var watch = Stopwatch.StartNew();
        int users = data.Users.Count, items = data.Items.Count;
        var sampler = new GibbsSampler(data.Train, users, items, FmFeatures.Build(data.Train, data.Users, data.Items, bayes), bayes.Rank, options.Seed, options.Threads);
        int thin = ThinFor(bayes, users + items);
        var valid = data.Valid;
        var (min, max) = CollabTrainer.RatingScale(data.Train);
        var kept = new List<DotBiasModel>();
        var averaged = new double[valid.Count];
        var predictions = new float[valid.Count];
        var sweeps = new List<EpochSummary>();
        var noise = new List<double>();
        bool stopped = false;
        for (int sweep = 0; sweep < bayes.Sweeps; sweep++)
        {
            if (cancellation.IsCancellationRequested)
            {
                stopped = true;
                break;
            }
            sampler.Sweep(sweep);
            double validRmse = double.NaN;
            if (sweep >= bayes.BurnIn && (sweep - bayes.BurnIn) % thin == 0)
            {
                var sample = sampler.ToDotBias(users, items);
                kept.Add(sample);
                noise.Add(1 / Math.Sqrt(sampler.NoisePrecision));
                sample.Predict(valid.Users, valid.Items, predictions);
                for (int n = 0; n < predictions.Length; n++)
                    averaged[n] += predictions[n];
                validRmse = valid.Count == 0 ? double.NaN : Rmse(averaged, 1.0 / kept.Count, valid.Ratings, min, max);
            }
            double trainRmse = sampler.TrainRmse;
            sweeps.Add(new EpochSummary(sweep + 1, trainRmse * trainRmse, validRmse * validRmse, watch.Elapsed.TotalSeconds));
            progress?.Report(new GibbsSweep(sweep + 1, bayes.Sweeps, kept.Count, trainRmse, validRmse, 1 / Math.Sqrt(sampler.NoisePrecision), watch.Elapsed.TotalSeconds));
        }
        if (kept.Count == 0)
            kept.Add(sampler.ToDotBias(users, items));   // stopped in the burn-in: the last sample is all there is
        var model = kept.Count == 1 ? kept[0] : LowRankMerge.Merge(kept, bayes.MergedRank, options.Seed, options.Threads);
        var summary = CollabTrainer.Describe(data, table) with
        {
            Options = options.ToSettings() with
            {
                YRange = null,
                Factors = model.Factors,
                Bayes = new BayesSettings
                {
                    Rank = bayes.Rank,
                    Sweeps = sweeps.Count,
                    BurnIn = bayes.BurnIn,
                    Thin = thin,
                    Kept = kept.Count,
                    Features = [.. sampler.Blocks.Select(b => b.Block.Name)],
                    NoiseStd = noise.Count == 0 ? double.NaN : noise.Average(),
                },
            },
            RatingScale = data.Train.Count == 0 ? null : [min, max],
            Epochs = sweeps,
            Stopped = stopped,
            FitSeconds = watch.Elapsed.TotalSeconds,
            Ensemble = new EnsembleSummary
            {
                Members = kept.Count,
                Rank = model.Factors,
                AveragedValidRmse = valid.Count == 0 ? double.NaN : Rmse(averaged, 1.0 / kept.Count, valid.Ratings, min, max),
                ValidRmse = valid.Count == 0 ? double.NaN : MergedRmse(model, valid, min, max),
            },
        };
        return new TrainedModel(ModelKind.Bayes, model, data.Users, data.Items, InteractionIndex.FromRatings(data.Train, users), summary,
            InteractionIndex.FromRatings(valid, users));
    }

    private static int ThinFor(BayesOptions bayes, int rows)
    {
        long bytesPerSample = (long)rows * (bayes.Rank + 1) * sizeof(float);
        long limit = Math.Max(1, KeptBytesLimit / bytesPerSample);
        int chain = bayes.Sweeps - bayes.BurnIn;
        return (chain + bayes.Thin - 1) / bayes.Thin <= limit ? bayes.Thin : (int)((chain + limit - 1) / limit);
    }

    // Predictions are clipped to the training ratings' range, as Predictor clips them.
    private static double Rmse(double[] sums, double scale, ReadOnlySpan<float> ratings, float min, float max)
    {
        double squares = 0;
        for (int n = 0; n < sums.Length; n++)
        {
            double d = Math.Clamp(sums[n] * scale, min, max) - ratings[n];
            squares += d * d;
        }
        return Math.Sqrt(squares / sums.Length);
    }

    private static double MergedRmse(DotBiasModel model, EncodedRatings valid, float min, float max)
    {
        var predictions = new float[valid.Count];
        model.Predict(valid.Users, valid.Items, predictions);
        for (int n = 0; n < predictions.Length; n++)
            predictions[n] = Math.Clamp(predictions[n], min, max);
        return ErrorMetrics.Rmse(predictions, valid.Ratings);
    }
}
