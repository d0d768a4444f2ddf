using System.Globalization;
using Collab.Data;

namespace Collab.Cli.Commands;

/// <summary>
/// What <c>collab train</c> checks between reading the ratings and training (docs/robustness.md): settings the data or
/// the machine cannot hold are refused in one line; a batch larger than the training rows shrinks to them; too little
/// data and ratings outside the output range are warned about on standard error (so --json output stays clean).
/// </summary>
internal static class TrainChecks
{
    /// <summary>More seeds than this cannot help: the gain of merging stops after about ten (docs/accuracy.md).</summary>
    public const int MaxEnsemble = 100;

    /// <summary>Below this many training ratings a model learns little beyond the mean; a warning says so.</summary>
    public const int FewTrainingRows = 1000;

    /// <summary>Seeds × factors the merge reduces at most (the accurate recipe: 10 × 100).</summary>
    public const int MaxMergeColumns = 20_000;

    // Factors are capped at the larger of this and users + items: more than the data could ever use.
    private const int FactorsAlwaysAllowed = 1000;

    /// <summary>Checks the request against the data and returns the request to train with (its batch shrunk to the data if needed).</summary>
    /// <param name="table">The ratings read.</param>
    /// <param name="split">The given split (--valid-file), or null for the random one training will draw.</param>
    /// <param name="request">What was asked for.</param>
    /// <param name="path">The ratings file, for messages.</param>
    /// <param name="warnings">Where notes and warnings go (standard error).</param>
    /// <param name="availableBytes">The memory to fit in; null for what the machine (or the container) allows.</param>
    public static TrainRequest Prepare(RatingsTable table, DataSplit? split, TrainRequest request, string path, TextWriter warnings, long? availableBytes = null)
    {
        request = CheckSettings(table, request, availableBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, warnings);
        var options = request.Training;
        int trainRows = (split ?? DataSplit.Random(table.Count, options.ValidPct, options.Seed)).Train.Length;
        if (trainRows == 0)
        {
            throw new UserErrorException($"{DisplayText.Escape(path)}: no rows are left to train on ({table.Count} rating(s), all held out for validation). "
                + "Lower --valid-pct or add ratings.");
        }
        if (trainRows < options.BatchSize)
        {
            warnings.WriteLine($"note: {trainRows} training rows are fewer than one batch of {options.BatchSize}: training with batches of {trainRows}.");
            request = request with { Training = options with { BatchSize = trainRows } };
        }
        if (trainRows < FewTrainingRows)
        {
            warnings.WriteLine($"warning: only {trainRows} training ratings: too few for the model to learn much more than the average rating "
                + "(its predictions will stay close to the middle of the output range). Thousands of ratings are needed; treat the results as a smoke test.");
        }
        WarnOutsideRange(table, split, request, path, warnings);
        return request;
    }

    // Returns the request to train with: a recipe's ensemble that would not fit in memory is cut to the seeds that do.
    private static TrainRequest CheckSettings(RatingsTable table, TrainRequest request, long available, TextWriter warnings)
    {
        var options = request.Training;
        if (request.Ensemble > MaxEnsemble)
        {
            throw new UserErrorException($"--ensemble {request.Ensemble} is more seeds than can help: merging gains little after about 10 "
                + $"(docs/accuracy.md). Use at most {MaxEnsemble}.");
        }
        long users = table.UserIds.Count + 1L;
        long items = table.ItemIds.Count + 1L;
        long factorCap = Math.Max(FactorsAlwaysAllowed, users + items);
        if (options.Factors > factorCap)
        {
            throw new UserErrorException($"--factors {options.Factors} is far more than the data can use ({table.UserIds.Count:N0} users and "
                + $"{table.ItemIds.Count:N0} items: its rating matrix has at most {Math.Min(users - 1, items - 1):N0} independent factors). Use at most {factorCap:N0}.");
        }
        long largest = Math.Max(users, items) * options.Factors;
        if (largest > Array.MaxLength)
            throw new UserErrorException($"--factors {options.Factors}: a table of {largest:N0} weights is more than one array can hold. Use fewer factors.");
        if (request.Ensemble > 1 && (long)request.Ensemble * options.Factors > MaxMergeColumns)
        {
            throw new UserErrorException($"--ensemble {request.Ensemble} with --factors {options.Factors} gives the merge {(long)request.Ensemble * options.Factors:N0} "
                + $"columns to reduce; it finishes in reasonable time up to {MaxMergeColumns:N0}. Use fewer seeds or factors.");
        }
        long needed = TrainingMemory.Estimate(users, items, options.Factors, request.Ensemble, options.Threads);
        if (needed <= available)
            return request;
        // Seeds the recipe chose (not --ensemble) give way to memory: as many as fit, said in one line.
        int fitting = request.EnsembleFromRecipe
            ? Enumerable.Range(1, request.Ensemble - 1).Reverse().FirstOrDefault(m => TrainingMemory.Estimate(users, items, options.Factors, m, options.Threads) <= available)
            : 0;
        if (fitting == 0)
        {
            throw new UserErrorException($"--factors {options.Factors} with --ensemble {request.Ensemble} needs about {TrainingMemory.Format(needed)} of memory "
                + $"for {users - 1:N0} users and {items - 1:N0} items; this machine has {TrainingMemory.Format(available)}. Use fewer factors or seeds.");
        }
        warnings.WriteLine($"note: the recipe's {request.Ensemble} seeds would need about {TrainingMemory.Format(needed)} of memory for {users - 1:N0} users and "
            + $"{items - 1:N0} items; this machine has {TrainingMemory.Format(available)}, so {fitting} seed(s) are trained and merged instead.");
        return request with { Ensemble = fitting };
    }

    private static void WarnOutsideRange(RatingsTable table, DataSplit? split, TrainRequest request, string path, TextWriter warnings)
    {
        if (request.Training.YRange is not { } range)
            return;
        var ratings = table.Ratings;
        int outside = 0;
        int first = -1;
        float min = float.PositiveInfinity, max = float.NegativeInfinity;
        for (int r = 0; r < ratings.Length; r++)
        {
            float rating = ratings[r];
            min = Math.Min(min, rating);
            max = Math.Max(max, rating);
            if (rating < range.Low || rating > range.High)
            {
                outside++;
                if (first < 0)
                    first = r;
            }
        }
        if (outside == 0)
            return;
        // With --valid-file the table is the training file's rows, then the validation file's.
        int trainFileRows = request.ValidFile is not null && split is not null ? split.Train.Length : int.MaxValue;
        var (file, row) = first < trainFileRows ? (path, first) : (request.ValidFile!, first - trainFileRows);
        // A Parquet file's rows are the table's rows; a text file's lines also hold a header and blank lines.
        long? line = RatingsReader.FindLine(file, request.FileOptions, row);
        var where = FileSniffer.IsParquet(file) ? $"row {row + 1} of {DisplayText.Escape(file)}"
            : line is null ? DisplayText.Escape(file) : $"line {line} of {DisplayText.Escape(file)}";
        warnings.WriteLine($"warning: {outside:N0} of {ratings.Length:N0} ratings lie outside the output range {Number(range.Low)}..{Number(range.High)} "
            + $"(the ratings span {Number(min)}..{Number(max)}; the first is on {where}), so the model cannot predict them. "
            + "Fix the file, or pass --y-range to match the scale (or --y-range none).");
    }

    private static string Number(float value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
