using Collab.Models;

namespace Collab.Training.Optimizers;

/// <summary>
/// Adam with decoupled weight decay, dense as in fastai: every step updates every row of every table,
/// including rows the batch did not touch (their momentum keeps moving them) — spec rules 28-32. The pass
/// is one fused SIMD sweep, split into chunks over the given number of threads. Exact mode runs it on the
/// tensors it does not defer (biases, layers); user and item factor tables go through the deferred form.
/// </summary>
public sealed class AdamOptimizer : IOptimizerState
{
    private const int ChunkLength = 16 * 1024;
    private readonly IReadOnlyList<ParameterTensor> _parameters;
    private readonly float[][] _firstMoments;
    private readonly float[][] _secondMoments;
    private readonly AdamOptions _options;
    private readonly (int Tensor, int Start, int Length)[] _chunks;
    private readonly ParallelOptions _parallel;
    private readonly AdamStep[] _steps;

    /// <summary>Creates the optimizer with zero moments.</summary>
    public AdamOptimizer(IReadOnlyList<ParameterTensor> parameters, AdamOptions options, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        _parameters = parameters;
        _options = options;
        _firstMoments = [.. parameters.Select(p => new float[p.Values.Length])];
        _secondMoments = [.. parameters.Select(p => new float[p.Values.Length])];
        _chunks = [.. parameters.SelectMany((p, t) => Enumerable.Range(0, (p.Values.Length + ChunkLength - 1) / ChunkLength)
            .Select(c => (t, c * ChunkLength, Math.Min(ChunkLength, p.Values.Length - c * ChunkLength))))];
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
        _steps = new AdamStep[parameters.Count];
    }

    /// <inheritdoc />
    public int StepCount { get; private set; }

    /// <inheritdoc />
    public ReadOnlySpan<float> FirstMoment(int parameter) => _firstMoments[parameter];

    /// <inheritdoc />
    public ReadOnlySpan<float> SecondMoment(int parameter) => _secondMoments[parameter];

    /// <summary>One step: decay, update moments, move parameters, clear gradients.</summary>
    public void Step(double learningRate, double beta1, double weightDecay)
    {
        StepCount++;
        for (int t = 0; t < _parameters.Count; t++)
            _steps[t] = AdamStep.Create(learningRate, beta1, _options.Beta2, _options.Epsilon, weightDecay, StepCount, _parameters[t].DecayWeights);
        if (_parallel.MaxDegreeOfParallelism == 1 || _chunks.Length == 1)
        {
            for (int c = 0; c < _chunks.Length; c++)
                StepChunk(c);
        }
        else
        {
            // One contiguous share of the chunks per thread: a task per chunk costs more than the chunk.
            int threads = _parallel.MaxDegreeOfParallelism;
            Parallel.For(0, threads, _parallel, share =>
            {
                for (int c = _chunks.Length * share / threads; c < _chunks.Length * (share + 1) / threads; c++)
                    StepChunk(c);
            });
        }
    }

    private void StepChunk(int chunk)
    {
        var (t, start, length) = _chunks[chunk];
        var tensor = _parameters[t];
        AdamKernel.Step(
            tensor.Values.AsSpan(start, length),
            tensor.Gradients.AsSpan(start, length),
            _firstMoments[t].AsSpan(start, length),
            _secondMoments[t].AsSpan(start, length),
            _steps[t]);
    }
}
