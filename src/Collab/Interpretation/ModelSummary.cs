using System.Globalization;
using Collab.Models;
using Collab.Persistence;

namespace Collab.Interpretation;

/// <summary>
/// The model laid out in the lesson's terminology: inputs, parameters (with counts), activations, output and
/// loss. "Parameters are numbers that are stored ... activations are the result of a calculation."
/// </summary>
public sealed class ModelSummary
{
    private ModelSummary(IReadOnlyList<SummaryRow> rows, long parameters, long trainedParameters)
    {
        Rows = rows;
        TotalParameters = parameters;
        TrainedParameters = trainedParameters;
    }

    /// <summary>Inputs, then parameters, activations, output and loss, in the order data flows.</summary>
    public IReadOnlyList<SummaryRow> Rows { get; }

    /// <summary>Parameters in all four tables, #na# rows included.</summary>
    public long TotalParameters { get; }

    /// <summary>Parameters in rows that training data reached (users and items with training ratings).</summary>
    public long TrainedParameters { get; }

    /// <summary>Describes a trained model.</summary>
    public static ModelSummary Of(TrainedModel trained)
    {
        ArgumentNullException.ThrowIfNull(trained);
        var m = trained.FactorsFor("The layer summary");
        int k = m.Factors;
        var stats = trained.Stats;
        long trainedUsers = Count(stats.UserCounts);
        long trainedItems = Count(stats.ItemCounts);
        string output = m.YRange is { } r
            ? string.Create(CultureInfo.InvariantCulture, $"the activation function: a sigmoid scaled to ({r.Low}, {r.High}), ŷ = {r.Low} + {r.Width}·σ(raw), so no prediction can leave the range")
            : "no activation function (y_range none): the raw score is the prediction";
        SummaryRow[] rows =
        [
            new(SummaryPart.Input, "user", "1", 1, $"the user's row index in the vocabulary ({m.UserCount:N0} rows, #na# = 0 for unknown ids); mathematically a one-hot vector of length {m.UserCount:N0}"),
            new(SummaryPart.Input, "item", "1", 1, $"the item's row index ({m.ItemCount:N0} rows, #na# = 0); a one-hot vector of length {m.ItemCount:N0}"),
            Table(SummaryPart.Parameter, "u_weight", m.UserCount, k, "user embedding: k latent factors per user, random at first, learned by gradient descent"),
            Table(SummaryPart.Parameter, "i_weight", m.ItemCount, k, "item embedding: k latent factors per item"),
            Table(SummaryPart.Parameter, "u_bias", m.UserCount, 1, "user bias: how much a user likes items in general"),
            Table(SummaryPart.Parameter, "i_bias", m.ItemCount, 1, "item bias: how much an item is liked in general"),
            new(SummaryPart.Activation, "user factors", $"{k}", k, "an embedding lookup = the one-hot input times u_weight, without building the one-hot matrix"),
            new(SummaryPart.Activation, "item factors", $"{k}", k, "the same lookup in i_weight"),
            new(SummaryPart.Activation, "dot", "1", 1, "the dot product of the two factor vectors (a matrix product, an affine function)"),
            new(SummaryPart.Activation, "raw", "1", 1, "dot + u_bias[user] + i_bias[item]"),
            new(SummaryPart.Output, "prediction", "1", 1, output),
            Loss(trained.Kind),
        ];
        return new ModelSummary(rows, rows.Where(r => r.Part == SummaryPart.Parameter).Sum(r => r.Count), (trainedUsers + trainedItems) * (k + 1));
    }

    private static SummaryRow Loss(ModelKind kind) => kind switch
    {
        ModelKind.Ials => new(SummaryPart.Loss, "weighted squares", "1", 1, "implicit ALS: squared error of every user-item score against 1 (interacted) or 0 (not), the unobserved pairs down-weighted, minimised by alternating least squares"),
        ModelKind.Bpr => new(SummaryPart.Loss, "BPR", "1", 1, "Bayesian personalised ranking: -log σ(score(positive) - score(sampled negative)) per training pair"),
        ModelKind.Bce => new(SummaryPart.Loss, "BCE", "1", 1, "binary cross-entropy of σ(score) against 1 for each interaction and 0 for sampled negatives"),
        ModelKind.Bayes => new(SummaryPart.Loss, "Gaussian likelihood", "1", 1, "a rating is the FM's score plus normal noise; Gibbs sampling draws the weights, priors and noise from their posterior, and the tables hold the mean of the kept samples' scores"),
        _ => new(SummaryPart.Loss, "MSE", "1", 1, "mean squared error between predictions and actual ratings over a batch (MSELossFlat); RMSE is its square root"),
    };

    private static SummaryRow Table(SummaryPart part, string name, int rows, int columns, string meaning) =>
        new(part, name, string.Create(CultureInfo.InvariantCulture, $"{rows:N0} x {columns}"), (long)rows * columns, meaning);

    private static long Count(ReadOnlySpan<int> counts)
    {
        long trained = 0;
        foreach (var c in counts)
            trained += c > 0 ? 1 : 0;
        return trained;
    }
}
