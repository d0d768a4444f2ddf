using Collab.Models;

namespace Collab.Training;

/// <summary>
/// Adam with decoupled weight decay, dense as in fastai: every step updates every row of every table,
/// including rows the batch did not touch (their momentum keeps moving them) — spec rules 28-32.
/// </summary>
public sealed class AdamOptimizer
{
    private readonly IReadOnlyList<ParameterTensor> _parameters;
    private readonly float[][] _firstMoments;
    private readonly float[][] _secondMoments;
    private readonly AdamOptions _options;

    /// <summary>Creates the optimizer with zero moments.</summary>
    public AdamOptimizer(IReadOnlyList<ParameterTensor> parameters, AdamOptions options)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        _parameters = parameters;
        _options = options;
        _firstMoments = [.. parameters.Select(p => new float[p.Values.Length])];
        _secondMoments = [.. parameters.Select(p => new float[p.Values.Length])];
    }

    /// <summary>Steps taken so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>First moment (fastai's grad_avg) of a tensor, by parameter position.</summary>
    public ReadOnlySpan<float> FirstMoment(int parameter) => _firstMoments[parameter];

    /// <summary>Second moment (fastai's sqr_avg) of a tensor, by parameter position.</summary>
    public ReadOnlySpan<float> SecondMoment(int parameter) => _secondMoments[parameter];

    /// <summary>One step: decay, update moments, move parameters, clear gradients.</summary>
    public void Step(double learningRate, double beta1, double weightDecay)
    {
        StepCount++;
        for (int t = 0; t < _parameters.Count; t++)
        {
            var tensor = _parameters[t];
            var step = AdamStep.Create(learningRate, beta1, _options.Beta2, _options.Epsilon, weightDecay, StepCount, tensor.DecayWeights);
            AdamKernel.Step(tensor.Values, tensor.Gradients, _firstMoments[t], _secondMoments[t], step);
        }
    }
}
