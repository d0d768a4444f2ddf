namespace Collab.Evaluation.Metrics;

/// <summary>Rating-prediction errors over all held-out rows (unknown ids included, predicted from the #na# rows).</summary>
public static class ErrorMetrics
{
    /// <summary>Root mean squared error (NaN for no rows).</summary>
    public static double Rmse(ReadOnlySpan<float> predictions, ReadOnlySpan<float> ratings)
    {
        Check(predictions, ratings);
        var sum = default(ErrorSum);
        for (int r = 0; r < ratings.Length; r++)
            sum.Add(predictions[r] - (double)ratings[r]);
        return sum.Rmse;
    }

    /// <summary>Mean absolute error (NaN for no rows).</summary>
    public static double Mae(ReadOnlySpan<float> predictions, ReadOnlySpan<float> ratings)
    {
        Check(predictions, ratings);
        double sum = 0;
        for (int r = 0; r < ratings.Length; r++)
            sum += Math.Abs(predictions[r] - (double)ratings[r]);
        return sum / ratings.Length;
    }

    private static void Check(ReadOnlySpan<float> predictions, ReadOnlySpan<float> ratings)
    {
        if (predictions.Length != ratings.Length)
            throw new ArgumentException("There must be one prediction per rating.");
    }
}
