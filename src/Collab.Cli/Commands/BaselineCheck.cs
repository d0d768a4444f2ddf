using System.Globalization;
using Collab.Data;
using Collab.Evaluation;

namespace Collab.Cli.Commands;

/// <summary>
/// After training: a model whose validation RMSE is far worse than the user/item bias baseline on the same split
/// (r̂ = μ + b_u + b_i, damped as <see cref="BiasBaseline"/> fits it) has gone wrong, usually from too high a learning
/// rate, and a warning says so.
/// </summary>
internal static class BaselineCheck
{
    /// <summary>How much worse than the baseline counts as far worse.</summary>
    public const double Tolerance = 1.1;

    /// <summary>Writes a warning when <paramref name="validRmse"/> is more than 10% above the baseline's.</summary>
    public static void Compare(RatingsTable table, DataSplit? split, TrainRequest request, double validRmse, TextWriter warnings)
    {
        split ??= DataSplit.Random(table.Count, request.Training.ValidPct, request.Training.Seed);
        // With little data the warning about its size has already been given; this one would blame the learning rate.
        if (split.Valid.Length == 0 || split.Train.Length < TrainChecks.FewTrainingRows || !double.IsFinite(validRmse))
            return;
        double baseline = BaselineRmse(table, split);
        if (validRmse > Tolerance * baseline)
        {
            warnings.WriteLine($"warning: valid RMSE {Format(validRmse)} is far worse than the bias baseline's {Format(baseline)} (user and item means "
                + $"on the same split): this model predicts badly. Lower the learning rate (it was {request.Training.LearningRate.ToString("G3", CultureInfo.InvariantCulture)}), "
                + "or run 'collab lr-find' to choose one.");
        }
    }

    /// <summary>Validation RMSE of the damped user/item bias model fitted on the split's training rows; unseen ids get bias 0.</summary>
    internal static double BaselineRmse(RatingsTable table, DataSplit split)
    {
        var users = table.Users;
        var items = table.Items;
        var ratings = table.Ratings;
        double mean = 0;
        foreach (int r in split.Train)
            mean += ratings[r];
        mean /= split.Train.Length;
        var itemSums = new double[table.ItemIds.Count];
        var itemCounts = new int[table.ItemIds.Count];
        foreach (int r in split.Train)
        {
            itemSums[items[r]] += ratings[r] - mean;
            itemCounts[items[r]]++;
        }
        Damp(itemSums, itemCounts);
        var userSums = new double[table.UserIds.Count];
        var userCounts = new int[table.UserIds.Count];
        foreach (int r in split.Train)
        {
            userSums[users[r]] += ratings[r] - mean - itemSums[items[r]];
            userCounts[users[r]]++;
        }
        Damp(userSums, userCounts);
        double sum = 0;
        foreach (int r in split.Valid)
        {
            double error = mean + userSums[users[r]] + itemSums[items[r]] - ratings[r];
            sum += error * error;
        }
        return Math.Sqrt(sum / split.Valid.Length);
    }

    // Sums of residuals become biases: sum / (count + λ).
    private static void Damp(double[] sums, int[] counts)
    {
        for (int i = 0; i < sums.Length; i++)
            sums[i] /= counts[i] + BiasBaseline.DefaultDamping;
    }

    private static string Format(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
