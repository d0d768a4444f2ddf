namespace Collab.Models;

/// <summary>A model the learner can train: parameters, a batched forward/backward pass and prediction.</summary>
public interface ICollabModel
{
    /// <summary>The trainable tensors, in a fixed order.</summary>
    IReadOnlyList<ParameterTensor> Parameters { get; }

    /// <summary>
    /// Predicts the batch, writes the predictions, accumulates the gradient of the mean squared error into
    /// each tensor's <see cref="ParameterTensor.Gradients"/>, and returns that loss.
    /// </summary>
    double ForwardBackward(ReadOnlySpan<int> users, ReadOnlySpan<int> items, ReadOnlySpan<float> ratings, Span<float> predictions);

    /// <summary>Predicts ratings for encoded pairs (inference: no gradient, no state change).</summary>
    void Predict(ReadOnlySpan<int> users, ReadOnlySpan<int> items, Span<float> predictions);

    /// <summary>
    /// Which rows of the tensor at position <paramref name="parameter"/> <see cref="ForwardBackward"/> can give a
    /// gradient: only the batch's users' rows, only its items' rows, or any. Exact mode defers the zero-gradient
    /// Adam steps of the other rows of user- and item-keyed tables (same maths, applied later).
    /// <value>Default: <see cref="RowKey.None"/> for every tensor (all rows stepped every batch).</value>
    /// </summary>
    RowKey RowKeyOf(int parameter) => RowKey.None;
}
