using Collab.Data;

namespace Collab.Models.Implicit;

/// <summary>
/// An EASE model with the interactions it scores from: a user's score for item j is the sum of B[i, j] over the
/// items i the user interacted with in training. It is closed-form: there is nothing to train by gradient descent.
/// </summary>
public sealed class EaseScorer : ICollabModel
{
    /// <summary>Pairs a trained EASE model with the training interactions, by user row.</summary>
    public EaseScorer(EaseModel model, InteractionIndex interactions)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(interactions);
        Model = model;
        Interactions = interactions;
        Parameters = [new ParameterTensor("ease.weights", model.ItemCount, model.ItemCount, model.WeightArray)];
    }

    /// <summary>The item-item weights.</summary>
    public EaseModel Model { get; }

    /// <summary>What each user interacted with in training.</summary>
    public InteractionIndex Interactions { get; }

    /// <inheritdoc/>
    public IReadOnlyList<ParameterTensor> Parameters { get; }

    /// <summary>An all-zero model of <paramref name="items"/> items, to be filled from a model file.</summary>
    internal static EaseModel EmptyModel(int items) => EaseModel.FromWeights(new float[(long)items * items], items, new EaseOptions());

    /// <summary>EASE has no gradient: it is solved in closed form by <see cref="EaseModel.Train"/>.</summary>
    public double ForwardBackward(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, Span<float> predictions) =>
        throw new NotSupportedException("EASE is solved in closed form; it has no gradient step.");

    /// <inheritdoc/>
    public void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions)
    {
        var weights = Model.Weights;
        int n = Model.ItemCount;
        for (int r = 0; r < users.Length; r++)
        {
            float sum = 0;
            foreach (int seen in Interactions.ItemsOf(users[r]))
                sum += weights[seen * n + items[r]];
            predictions[r] = sum;
        }
    }

    /// <summary>Writes every item's score for <paramref name="user"/>.</summary>
    public void ScoreAll(int user, Span<float> scores) => Model.Score(Interactions.ItemsOf(user), scores);
}
