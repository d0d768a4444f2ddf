using Collab.Data;
using Collab.Interpretation;
using Collab.Persistence;
using Collab.Training;

namespace Collab.Reports;

/// <summary>
/// The short training run that fills the workbook's factors when no model is given: the core's dot-bias
/// model, learner and one-cycle fit on the matrix's rated cells only, all of them training rows (the
/// spreadsheet shows the fit to those cells, as the lesson's Solver run does).
/// </summary>
public static class SmallMatrixTraining
{
    /// <summary>Trains on the rated cells; the batch size shrinks to the number of rated cells when larger.</summary>
    public static TrainedModel Train(RatingMatrix matrix, TrainingOptions options, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(options);
        var triples = new List<(string User, string Item, float Rating)>(matrix.RatedCount);
        for (int u = 0; u < matrix.Users.Count; u++)
        {
            for (int i = 0; i < matrix.Items.Count; i++)
            {
                if (matrix[u, i] is { } rating)
                    triples.Add((matrix.Users[u], matrix.Items[i], rating));
            }
        }
        if (triples.Count == 0)
            throw new ArgumentException("The matrix has no rated cells to train on.", nameof(matrix));
        var table = RatingsTable.FromTriples(triples, "spreadsheet matrix");
        var split = new DataSplit([.. Enumerable.Range(0, table.Count)], []);
        var fitted = options with { BatchSize = Math.Min(options.BatchSize, table.Count) };
        return CollabTrainer.Train(table, fitted, split, cancellation: cancellation);
    }
}
