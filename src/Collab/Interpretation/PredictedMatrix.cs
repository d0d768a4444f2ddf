using Collab.Recommend;

namespace Collab.Interpretation;

/// <summary>
/// The lesson's spreadsheet with the model's answer beside each cell: the actual rating (or a gap) and the
/// prediction for every user x item pair, gaps included, plus the error over the rated cells.
/// </summary>
public sealed class PredictedMatrix
{
    private readonly Prediction[,] _predictions;

    private PredictedMatrix(RatingMatrix ratings, Prediction[,] predictions)
    {
        Ratings = ratings;
        _predictions = predictions;
    }

    /// <summary>The actual ratings.</summary>
    public RatingMatrix Ratings { get; }

    /// <summary>The model's prediction for a cell (row = user, column = item), with how it was obtained.</summary>
    public Prediction this[int user, int item] => _predictions[user, item];

    /// <summary>Root mean squared error of the predictions over the rated cells (NaN when none is rated).</summary>
    public double Rmse
    {
        get
        {
            double sum = 0;
            int count = 0;
            for (int u = 0; u < Ratings.Users.Count; u++)
            {
                for (int i = 0; i < Ratings.Items.Count; i++)
                {
                    if (Ratings[u, i] is not { } actual)
                        continue;
                    double error = _predictions[u, i].Rating - actual;
                    sum += error * error;
                    count++;
                }
            }
            return count == 0 ? double.NaN : Math.Sqrt(sum / count);
        }
    }

    /// <summary>Predicts every cell of a rating matrix.</summary>
    public static PredictedMatrix Of(RatingMatrix ratings, Predictor predictor)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentNullException.ThrowIfNull(predictor);
        var predictions = new Prediction[ratings.Users.Count, ratings.Items.Count];
        for (int u = 0; u < ratings.Users.Count; u++)
        {
            for (int i = 0; i < ratings.Items.Count; i++)
                predictions[u, i] = predictor.Predict(ratings.Users[u], ratings.Items[i]);
        }
        return new PredictedMatrix(ratings, predictions);
    }
}
