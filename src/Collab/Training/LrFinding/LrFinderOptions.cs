
namespace Collab.Training.LrFinding;

/// <summary>How the learning-rate finder sweeps.</summary>
public sealed record LrFinderOptions
{
    /// <summary>The first batch's learning rate. <value>Default: 1e-7 (fastai).</value></summary>
    public double StartLr { get; init; } = 1e-7;

    /// <summary>The last batch's learning rate. <value>Default: 10 (fastai).</value></summary>
    public double EndLr { get; init; } = 10;

    /// <summary>Batches in the sweep; the lr grows by the same factor each batch. <value>Default: 200.</value></summary>
    public int Iterations { get; init; } = 200;

    /// <summary>
    /// Stop once the smoothed loss exceeds this multiple of the best so far (fastai's stop_div). <value>Default: 4.</value>
    /// </summary>
    public double DivergenceFactor { get; init; } = 4;

    /// <summary>Adam's β1 during the sweep (fastai keeps the optimizer's own). <value>Default: 0.9.</value></summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Checks the values and says what is wrong.</summary>
    public void Validate()
    {
        if (!(StartLr > 0 && EndLr > StartLr && double.IsFinite(EndLr)))
            throw new ArgumentException("The sweep needs 0 < start lr < end lr.");
        if (Iterations < 10)
            throw new ArgumentException("The sweep needs at least 10 iterations.");
        if (!(DivergenceFactor > 1))
            throw new ArgumentException("The divergence factor must be above 1.");
        if (Beta1 is < 0 or >= 1)
            throw new ArgumentException("Beta1 must lie in [0, 1).");
    }
}
