namespace Collab.Training.Optimizers;

/// <summary>
/// What an optimizer exposes of its state. Exact mode (dense Adam) has fastai's grad_avg and sqr_avg per
/// element; fast mode (row-wise RMSprop) has no first moment and one second moment per row.
/// </summary>
public interface IOptimizerState
{
    /// <summary>Steps taken so far.</summary>
    int StepCount { get; }

    /// <summary>First moment of a tensor, by parameter position (empty when the optimizer keeps none).</summary>
    ReadOnlySpan<float> FirstMoment(int parameter);

    /// <summary>Second moment of a tensor, by parameter position.</summary>
    ReadOnlySpan<float> SecondMoment(int parameter);
}
