namespace Collab.Evaluation;

/// <summary>One model's or baseline's results: each metric over the runs, and training time for trained models.</summary>
public sealed record ModelEvaluation(string Name, bool IsBaseline, IReadOnlyList<MetricSummary> Metrics, MetricSummary? TrainSeconds)
{
    /// <summary>The summary of a metric by name ("ndcg@10"), or null when it was not measured for this model.</summary>
    public MetricSummary? this[string metric] => Metrics.FirstOrDefault(m => m.Name == metric);
}
