namespace Collab.Training;

/// <summary>What an Adam optimizer exposes of its state (fastai's grad_avg, sqr_avg and step).</summary>
public interface IAdamState
{
    /// <summary>Steps taken so far.</summary>
    int StepCount { get; }

    /// <summary>First moment of a tensor, by parameter position.</summary>
    ReadOnlySpan<float> FirstMoment(int parameter);

    /// <summary>Second moment of a tensor, by parameter position.</summary>
    ReadOnlySpan<float> SecondMoment(int parameter);
}
