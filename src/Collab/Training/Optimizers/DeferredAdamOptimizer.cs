using Collab.Models;

namespace Collab.Training.Optimizers;

/// <summary>
/// fastai's dense Adam (the same maths as <see cref="AdamOptimizer"/>), with the zero-gradient steps of user- and
/// item-keyed tables deferred: a row the batch does not touch has g = 0, so its update is a function of p, m, v
/// and the step's scalars alone. Each step's scalars are recorded; a row is brought up to date over its pending
/// steps just before a batch uses it (<see cref="CatchUp"/>) and on <see cref="Flush"/>, and only the batch's
/// rows take the step with their gradient. One-column tables (biases: cheap to sweep) and tensors not keyed
/// by rows stay dense.
/// Reading a moment flushes first; whoever reads parameters calls <see cref="Flush"/>.
/// </summary>
internal sealed class DeferredAdamOptimizer : IOptimizerState
{
    private readonly IReadOnlyList<ParameterTensor> _parameters;
    private readonly AdamOptions _options;
    private readonly AdamOptimizer _dense;
    private readonly DeferredTable[] _tables;
    private readonly (bool Deferred, int Index)[] _slots;
    private readonly ParallelOptions _parallel;

    public DeferredAdamOptimizer(ICollabModel model, AdamOptions options, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        _parameters = model.Parameters;
        _options = options;
        var powers = new Beta2Powers(options.Beta2);
        var dense = new List<ParameterTensor>();
        var tables = new List<DeferredTable>();
        _slots = new (bool, int)[_parameters.Count];
        for (int t = 0; t < _parameters.Count; t++)
        {
            var key = model.RowKeyOf(t);
            if (key != RowKey.None && _parameters[t].Columns > 1)
            {
                _slots[t] = (true, tables.Count);
                tables.Add(new DeferredTable(_parameters[t], key, powers, (float)options.Epsilon));
            }
            else
            {
                _slots[t] = (false, dense.Count);
                dense.Add(_parameters[t]);
            }
        }
        _dense = new AdamOptimizer(dense, options, threads);
        _tables = [.. tables];
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
    }

    /// <inheritdoc />
    public int StepCount { get; private set; }

    /// <inheritdoc />
    public ReadOnlySpan<float> FirstMoment(int parameter)
    {
        var (deferred, index) = _slots[parameter];
        if (!deferred)
            return _dense.FirstMoment(index);
        Flush();
        return _tables[index].FirstMoment;
    }

    /// <inheritdoc />
    public ReadOnlySpan<float> SecondMoment(int parameter)
    {
        var (deferred, index) = _slots[parameter];
        if (!deferred)
            return _dense.SecondMoment(index);
        Flush();
        return _tables[index].SecondMoment;
    }

    /// <summary>Brings the rows of the batch's users and items up to date, before its forward pass.</summary>
    public void CatchUp(ReadOnlySpan<int> users, ReadOnlySpan<int> items)
    {
        foreach (var table in _tables)
            table.CatchUp(table.Key == RowKey.User ? users : items);
    }

    /// <summary>One step: dense tensors in full, keyed tables on the batch's rows (the rest recorded for later).</summary>
    public void Step(double learningRate, double beta1, double weightDecay, ReadOnlySpan<int> users, ReadOnlySpan<int> items)
    {
        StepCount++;
        _dense.Step(learningRate, beta1, weightDecay);
        foreach (var table in _tables)
        {
            var step = AdamStep.Create(learningRate, beta1, _options.Beta2, _options.Epsilon, weightDecay, StepCount, table.Tensor.DecayWeights);
            table.Record(step);
            table.Step(table.Key == RowKey.User ? users : items, step);
        }
    }

    /// <summary>Brings every row of every table up to the current step, so parameters and moments are fastai's.</summary>
    public void Flush()
    {
        foreach (var table in _tables)
            table.Flush(_parallel);
    }
}
