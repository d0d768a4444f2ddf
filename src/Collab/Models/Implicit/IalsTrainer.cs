using System.Diagnostics;
using Collab.Data;
using Collab.Numerics;

namespace Collab.Models.Implicit;

/// <summary>
/// Implicit alternating least squares (Hu, Koren and Volinsky 2008) with Rendle et al.'s 2021 recipe and
/// conjugate-gradient row solves (Takács et al. 2011): each sweep solves every user row with the item rows fixed,
/// then every item row with the user rows fixed. The result is a <see cref="DotBiasModel"/> with zero biases and no
/// output range, so prediction, recommendation and similar items work on it unchanged; its scores rank items, they
/// are not ratings.
/// </summary>
/// <example><code>
/// var data = CollabData.FromTable(ImplicitFeedback.Binarize(table, 4f), 0.2, seed: 1);
/// var model = IalsTrainer.Train(InteractionIndex.FromRatings(data.Train, data.Users.Count), data.Items.Count, new IalsOptions { Factors = 64 });
/// </code></example>
public static partial class IalsTrainer
{
    /// <summary>Trains on each user's interactions (the ratings matter only through <see cref="IalsOptions.ConfidenceScale"/>).</summary>
    /// <param name="interactions">Items of each user, by model index (user rows with no items get zero factors).</param>
    /// <param name="itemCount">Item rows of the model (#na# included); every interaction's item must be below it.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <param name="progress">Told after each sweep; the loss is computed only when this is given (about one CG step's cost).</param>
    /// <param name="cancellation">Checked between row blocks.</param>
    public static DotBiasModel Train(InteractionIndex interactions, int itemCount, IalsOptions? options = null,
        IProgress<IalsIteration>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemCount);
        options ??= new IalsOptions();
        options.Validate();
        var users = IalsRows.Users(interactions, itemCount, options.ConfidenceScale);
        var items = users.Transpose();
        int k = options.Factors;
        var model = DotBiasModel.CreateEmpty(users.RowCount, itemCount, k, yRange: null);
        Initialise(model, options);
        var parallel = Parallelism(options, cancellation);
        var userFactors = model.UserFactors.Values;
        var itemFactors = model.ItemFactors.Values;
        for (int iteration = 0; iteration < options.Iterations; iteration++)
        {
            long start = Stopwatch.GetTimestamp();
            IalsSolver.SolveRows(users, userFactors, itemFactors, k, options, parallel);
            IalsSolver.SolveRows(items, itemFactors, userFactors, k, options, parallel);
            double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (progress is not null)
                progress.Report(new IalsIteration(iteration, seconds, IalsSolver.Loss(users, items, userFactors, itemFactors, k, options, parallel)));
        }
        return model;
    }

    internal static ParallelOptions Parallelism(IalsOptions options, CancellationToken cancellation) => new()
    {
        MaxDegreeOfParallelism = options.Threads == 0 ? -1 : options.Threads,
        CancellationToken = cancellation,
    };

    /// <summary>Normal factors with std InitStd/√k (users first, then items, from one seeded stream); biases stay zero.</summary>
    internal static void Initialise(DotBiasModel model, IalsOptions options)
    {
        var random = SeededRandom.ForStream(options.Seed, SeedStream.Init);
        double std = options.InitStd / Math.Sqrt(options.Factors);
        foreach (var values in new[] { model.UserFactors.Values, model.ItemFactors.Values })
        {
            for (int n = 0; n < values.Length; n++)
                values[n] = (float)(random.NextGaussian() * std);
        }
    }
}
