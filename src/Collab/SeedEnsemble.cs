using Collab.Data;
using Collab.Persistence;

namespace Collab;

/// <summary>
/// Several models trained with the same recipe and split but different initialisation and shuffling seeds
/// (seed, seed + 1, …); the prediction is their mean. Averaging cancels much of each fit's noise (docs/accuracy.md).
/// </summary>
public sealed class SeedEnsemble
{
    private SeedEnsemble(IReadOnlyList<TrainedModel> members, double validRmse, double fitSeconds)
    {
        Members = members;
        ValidRmse = validRmse;
        FitSeconds = fitSeconds;
    }

    /// <summary>The trained members, in seed order.</summary>
    public IReadOnlyList<TrainedModel> Members { get; }

    /// <summary>RMSE of the averaged prediction on the split's validation rows (NaN without any).</summary>
    public double ValidRmse { get; }

    /// <summary>Total fit time of the members.</summary>
    public double FitSeconds { get; }

    /// <summary>Trains <paramref name="members"/> models on one split and measures their average.</summary>
    public static SeedEnsemble Train(RatingsTable table, TrainingOptions options, int members, DataSplit? split = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(members);
        split ??= DataSplit.Random(table.Count, options.ValidPct, options.Seed);
        var data = CollabData.FromTable(table, split, options.VocabularyScope);
        var sum = new double[data.Valid.Count];
        var predictions = new float[data.Valid.Count];
        var trained = new List<TrainedModel>(members);
        for (int m = 0; m < members; m++)
        {
            var model = CollabTrainer.Train(table, options with { Seed = options.Seed + (ulong)m }, split, cancellation: cancellation);
            model.Model.Predict(data.Valid.Users, data.Valid.Items, predictions);
            for (int r = 0; r < sum.Length; r++)
                sum[r] += predictions[r];
            trained.Add(model);
        }
        double squares = 0;
        for (int r = 0; r < sum.Length; r++)
        {
            double error = sum[r] / members - data.Valid.Ratings[r];
            squares += error * error;
        }
        double rmse = sum.Length == 0 ? double.NaN : Math.Sqrt(squares / sum.Length);
        return new SeedEnsemble(trained, rmse, trained.Sum(t => t.Summary.FitSeconds));
    }
}
