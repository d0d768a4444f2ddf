using System.Globalization;

namespace Collab.Evaluation;

/// <summary>One metric to report: its kind and, for ranking metrics, the cut-off k (written "ndcg@10").</summary>
public readonly record struct Metric(MetricKind Kind, int K = 0)
{
    private static readonly Dictionary<string, MetricKind> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["rmse"] = MetricKind.Rmse,
        ["mae"] = MetricKind.Mae,
        ["precision"] = MetricKind.Precision,
        ["recall"] = MetricKind.Recall,
        ["ndcg"] = MetricKind.Ndcg,
        ["map"] = MetricKind.Map,
        ["hit"] = MetricKind.HitRate,
        ["hitrate"] = MetricKind.HitRate,
        ["coverage"] = MetricKind.Coverage,
    };

    /// <summary>Whether the metric needs a ranking of items (all but RMSE and MAE).</summary>
    public bool IsRanking => Kind is not (MetricKind.Rmse or MetricKind.Mae);

    /// <summary>The default set: RMSE, MAE, and precision, recall, NDCG, MAP, hit rate and coverage at 10.</summary>
    public static IReadOnlyList<Metric> Defaults { get; } = Parse("rmse,mae,precision,recall,ndcg,map,hit,coverage");

    /// <summary>The default set on implicit feedback: precision, recall, NDCG and MAP at 10 (training items excluded from every ranking).</summary>
    public static IReadOnlyList<Metric> ImplicitDefaults { get; } = Parse("precision,recall,ndcg,map");

    /// <summary>Parses a comma-separated list such as "rmse,ndcg@10,recall@20"; ranking metrics without @k use k = 10.</summary>
    public static IReadOnlyList<Metric> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var metrics = new List<Metric>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split('@');
            if (!Names.TryGetValue(pieces[0], out var kind) || pieces.Length > 2)
                throw new FormatException($"'{part}' is not a metric. Use rmse, mae, precision@k, recall@k, ndcg@k, map@k, hit@k or coverage@k.");
            int k = 0;
            if (kind is not (MetricKind.Rmse or MetricKind.Mae))
            {
                k = CollabDefaults.RankingCutoff;
                if (pieces.Length == 2 && (!int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out k) || k < 1))
                    throw new FormatException($"'{part}': the cut-off after @ must be a whole number of at least 1.");
            }
            else if (pieces.Length == 2)
            {
                throw new FormatException($"'{part}': {pieces[0]} takes no cut-off.");
            }
            var metric = new Metric(kind, k);
            if (!metrics.Contains(metric))
                metrics.Add(metric);
        }
        return metrics.Count > 0 ? metrics : throw new FormatException("Name at least one metric.");
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        MetricKind.Rmse => "rmse",
        MetricKind.Mae => "mae",
        MetricKind.HitRate => $"hit@{K}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{Kind.ToString().ToLowerInvariant()}@{K}"),
    };
}
