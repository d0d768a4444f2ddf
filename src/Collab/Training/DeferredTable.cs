using System.Diagnostics;
using Collab.Models;

namespace Collab.Training;

/// <summary>
/// One user- or item-keyed table under deferred Adam: its moments, the step each row was last brought to, and
/// the steps recorded since the last flush. A row's zero-gradient steps wait until the row is next used or
/// the table is flushed, then run together (<see cref="AdamCatchUpKernel"/>).
/// </summary>
internal sealed class DeferredTable
{
    private readonly int[] _lastStep;
    private readonly Beta2Powers _powers;
    private readonly float _eps;
    private CatchUpStep[] _history = new CatchUpStep[256];
    private int _recorded;
    private int _base;

    public DeferredTable(ParameterTensor tensor, RowKey key, Beta2Powers powers, float eps, int stepCount)
    {
        Tensor = tensor;
        Key = key;
        _powers = powers;
        _eps = eps;
        FirstMoment = new float[tensor.Values.Length];
        SecondMoment = new float[tensor.Values.Length];
        _lastStep = new int[tensor.Rows];
        Array.Fill(_lastStep, stepCount);
        _base = stepCount;
    }

    public ParameterTensor Tensor { get; }

    public RowKey Key { get; }

    public float[] FirstMoment { get; }

    public float[] SecondMoment { get; }

    /// <summary>Records step <paramref name="step"/> (the next after those recorded) for the rows that miss it.</summary>
    public void Record(AdamStep step)
    {
        if (_recorded == _history.Length)
            Array.Resize(ref _history, 2 * _history.Length);
        _history[_recorded++] = CatchUpStep.From(step);
    }

    /// <summary>Brings the given rows (repeats allowed) up to the last recorded step.</summary>
    public void CatchUp(ReadOnlySpan<int> rows)
    {
        _powers.Ensure(_recorded);
        foreach (int row in rows)
            CatchUpRow(row);
    }

    /// <summary>The step just recorded, with its gradient, on the given rows (repeats allowed; each stepped once).</summary>
    public void Step(ReadOnlySpan<int> rows, AdamStep step)
    {
        int current = _base + _recorded;
        int columns = Tensor.Columns;
        foreach (int row in rows)
        {
            if (_lastStep[row] == current)
                continue;
            Debug.Assert(_lastStep[row] == current - 1, "A row was stepped without being caught up first.");
            int start = row * columns;
            AdamKernel.Step(
                Tensor.Values.AsSpan(start, columns), Tensor.Gradients.AsSpan(start, columns),
                FirstMoment.AsSpan(start, columns), SecondMoment.AsSpan(start, columns), step);
            _lastStep[row] = current;
        }
    }

    /// <summary>Brings every row up to the last recorded step and forgets the recorded steps.</summary>
    public void Flush(ParallelOptions parallel)
    {
        _powers.Ensure(_recorded);
        int rows = Tensor.Rows;
        int threads = parallel.MaxDegreeOfParallelism;
        if (threads <= 1)
        {
            for (int row = 0; row < rows; row++)
                CatchUpRow(row);
        }
        else
        {
            Parallel.For(0, threads, parallel, share =>
            {
                for (int row = rows * share / threads; row < rows * (share + 1) / threads; row++)
                    CatchUpRow(row);
            });
        }
        _base += _recorded;
        _recorded = 0;
    }

    private void CatchUpRow(int row)
    {
        int pending = _base + _recorded - _lastStep[row];
        if (pending == 0)
            return;
        int columns = Tensor.Columns;
        int start = row * columns;
        AdamCatchUpKernel.CatchUp(
            Tensor.Values.AsSpan(start, columns), FirstMoment.AsSpan(start, columns), SecondMoment.AsSpan(start, columns),
            _history.AsSpan(_recorded - pending, pending), _powers.SqrtPowers(pending), _powers.Beta2, _powers.Power(pending), _eps);
        _lastStep[row] = _base + _recorded;
    }
}
