using System.Globalization;
using Collab.Data;
using Collab.Evaluation.Metrics;

namespace Collab.Evaluation;

/// <summary>
/// Honest evaluation: for every run (each fold of each seed) split the table, train the model on the training rows
/// only (vocabularies included), fit the baselines on the same rows, and measure held-out rating errors and full
/// ranking metrics. Baselines: global mean and user/item bias (ratings), most popular (ranking).
/// </summary>
public static class Evaluator
{
    /// <summary>Runs the evaluation; <paramref name="progress"/> hears one line per run.</summary>
    public static EvaluationReport Run(RatingsTable table, EvaluationOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.ImplicitThreshold is float threshold)
            table = ImplicitFeedback.Binarize(table, threshold);
        return Run(table, options, seed => options.Split.Create(table, seed), options.Split.ToString(), progress, cancellation);
    }

    /// <summary>
    /// Runs the evaluation on a given split, such as a training file and a test file read by
    /// <see cref="RatingsReader.ReadTrainValid"/>, so the numbers compare with other libraries on the very same rows.
    /// <see cref="EvaluationOptions.Split"/> is not used; each seed trains again on the same split.
    /// </summary>
    public static EvaluationReport RunOnSplit(RatingsTable table, DataSplit split, EvaluationOptions options, IProgress<string>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.ImplicitThreshold is float threshold)
            (table, split) = ImplicitFeedback.Binarize(table, split, threshold);
        var description = string.Create(CultureInfo.InvariantCulture, $"given split, {split.Train.Length:N0} training and {split.Valid.Length:N0} test rows");
        return Run(table, options, _ => [split], description, progress, cancellation);
    }

    private static EvaluationReport Run(RatingsTable table, EvaluationOptions options, Func<ulong, IReadOnlyList<DataSplit>> split, string splitDescription,
        IProgress<string>? progress, CancellationToken cancellation)
    {
        bool isImplicit = options.IsImplicit;
        var metrics = options.Metrics.Where(m => m.IsRanking || !isImplicit).ToArray();
        var results = new Dictionary<string, (bool Baseline, Dictionary<string, List<double>> Values, List<double> Seconds)>();
        int runs = 0;
        double trainRows = 0, testRows = 0, usersEvaluated = 0, usersSkipped = 0;
        for (int s = 0; s < options.Seeds; s++)
        {
            ulong seed = options.Training.Seed + (ulong)s;
            var splits = split(seed);
            for (int f = 0; f < splits.Count; f++)
            {
                cancellation.ThrowIfCancellationRequested();
                var data = CollabData.FromTable(table, splits[f]);
                if (data.Valid.Count == 0)
                    throw new ArgumentException($"The split ({splitDescription}) holds out no rows of {table.Source}; nothing can be evaluated.");
                progress?.Report(string.Create(CultureInfo.InvariantCulture,
                    $"run {runs + 1}: seed {seed}{(splits.Count > 1 ? $", fold {f + 1}/{splits.Count}" : "")}: training {options.Model.ToString().ToLowerInvariant()} on {data.Train.Count:N0} rows, {data.Valid.Count:N0} held out"));
                var (model, seconds) = ModelTraining.Train(data, options, seed, cancellation);
                var ranking = new RankingEvaluator(data, isImplicit ? null : options.RelevanceThreshold);
                foreach (var scorer in Baselines(data, isImplicit).Prepend(model))
                {
                    if (!results.TryGetValue(scorer.Name, out var entry))
                        results[scorer.Name] = entry = (scorer != model, [], []);
                    if (scorer == model)
                        entry.Seconds.Add(seconds);
                    foreach (var (metric, value) in Measure(scorer, data, ranking, metrics))
                    {
                        if (!entry.Values.TryGetValue(metric.ToString(), out var list))
                            entry.Values[metric.ToString()] = list = [];
                        list.Add(value);
                    }
                }
                runs++;
                trainRows += data.Train.Count;
                testRows += data.Valid.Count;
                usersEvaluated += ranking.UsersEvaluated;
                usersSkipped += ranking.UsersWithoutRelevant;
            }
        }
        return new EvaluationReport
        {
            Source = table.Source,
            Split = splitDescription,
            Relevance = isImplicit ? "every held-out interaction"
                : options.RelevanceThreshold is float r ? $"held-out ratings >= {r.ToString(CultureInfo.InvariantCulture)}" : "every held-out rating",
            Implicit = isImplicit,
            Rows = table.Count,
            Runs = runs,
            TrainRows = trainRows / runs,
            TestRows = testRows / runs,
            UsersEvaluated = usersEvaluated / runs,
            UsersWithoutRelevant = usersSkipped / runs,
            Models = [.. results.Select(p => new ModelEvaluation(p.Key, p.Value.Baseline,
                [.. metrics.Select(m => m.ToString()).Where(p.Value.Values.ContainsKey).Select(m => new MetricSummary(m, p.Value.Values[m]))],
                p.Value.Seconds.Count > 0 ? new MetricSummary("train seconds", p.Value.Seconds) : null))],
        };
    }

    private static IEnumerable<IItemScorer> Baselines(CollabData data, bool isImplicit)
    {
        if (!isImplicit)
        {
            yield return GlobalMeanBaseline.Fit(data.Train);
            yield return BiasBaseline.Fit(data.Train, data.Users.Count, data.Items.Count);
        }
        yield return PopularityBaseline.Fit(data.Train, data.Items.Count);
    }

    private static IEnumerable<(Metric Metric, double Value)> Measure(IItemScorer scorer, CollabData data, RankingEvaluator ranking, Metric[] metrics)
    {
        if (scorer.PredictsRatings && metrics.Any(m => !m.IsRanking))
        {
            var predictions = new float[data.Valid.Count];
            scorer.Predict(data.Valid.Users, data.Valid.Items, predictions);
            foreach (var metric in metrics.Where(m => !m.IsRanking))
                yield return (metric, metric.Kind == MetricKind.Rmse ? ErrorMetrics.Rmse(predictions, data.Valid.Ratings) : ErrorMetrics.Mae(predictions, data.Valid.Ratings));
        }
        // A constant scorer ranks nothing; its ranking metrics would only measure the tie-breaking rule.
        if (scorer is GlobalMeanBaseline)
            yield break;
        foreach (var (metric, value) in ranking.Evaluate(scorer, metrics))
            yield return (metric, value);
    }
}
