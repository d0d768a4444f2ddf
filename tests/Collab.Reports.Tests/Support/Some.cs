using Collab.Data;
using Collab.Interpretation;
using Collab.Models;

namespace Collab.Reports.Tests.Support;

/// <summary>Sample data: small rating matrices planted from two hidden factors, with some cells left unrated.</summary>
public static class Some
{
    /// <summary>
    /// A users x items table of half-star ratings from a planted rank-2 model; about a fifth of the cells are
    /// unrated. User ids are numbers, item ids text ("m01"), so both id kinds reach the sheets.
    /// </summary>
    public static RatingsTable Ratings(int users, int items, int seed = 7)
    {
        var random = new Random(seed);
        var userTaste = Enumerable.Range(0, users).Select(_ => (random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1)).ToArray();
        var itemTraits = Enumerable.Range(0, items).Select(_ => (random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1)).ToArray();
        var rows = new List<(string, string, float)>();
        for (int u = 0; u < users; u++)
        {
            for (int i = 0; i < items; i++)
            {
                if (random.NextDouble() < 0.2)
                    continue;
                double score = 3 + 1.5 * (userTaste[u].Item1 * itemTraits[i].Item1 + userTaste[u].Item2 * itemTraits[i].Item2) + (random.NextDouble() - 0.5);
                float rating = (float)(Math.Round(Math.Clamp(score, 0.5, 5) * 2) / 2);
                rows.Add(((100 + u).ToString(System.Globalization.CultureInfo.InvariantCulture), $"m{i:D2}", rating));
            }
        }
        return RatingsTable.FromTriples(rows, "planted");
    }

    /// <summary>The whole table as a matrix (every user and item).</summary>
    public static RatingMatrix Matrix(int users, int items, int seed = 7) =>
        RatingMatrix.MostActive(Ratings(users, items, seed), users, items);

    /// <summary>A workbook from the short run on a planted matrix, with the lesson's y_range or none.</summary>
    public static (LessonWorkbook Book, Persistence.TrainedModel Model) Workbook(int users, int items, int factors, OutputRange? yRange)
    {
        var matrix = Matrix(users, items);
        var model = SmallMatrixTraining.Train(matrix, SpreadsheetDefaults.Training with { Factors = factors, YRange = yRange });
        return (LessonWorkbook.FromModel(matrix, model, "a short run on planted data"), model);
    }
}
