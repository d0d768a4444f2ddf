namespace Collab.Evaluation;

/// <summary>What a metric measures.</summary>
public enum MetricKind
{
    /// <summary>Root mean squared error of predicted ratings over all held-out rows.</summary>
    Rmse,

    /// <summary>Mean absolute error of predicted ratings over all held-out rows.</summary>
    Mae,

    /// <summary>Relevant items among the top k, divided by k.</summary>
    Precision,

    /// <summary>Relevant items among the top k, divided by the user's relevant held-out items.</summary>
    Recall,

    /// <summary>Discounted cumulative gain of the top k (gain 1/log2(position + 1)), divided by the best possible.</summary>
    Ndcg,

    /// <summary>Mean over users of average precision at k (sum of precision at each hit, divided by min(relevant, k)).</summary>
    Map,

    /// <summary>Share of users with at least one relevant item in the top k.</summary>
    HitRate,

    /// <summary>Distinct items in anyone's top k, divided by the number of items the model can recommend.</summary>
    Coverage,
}
