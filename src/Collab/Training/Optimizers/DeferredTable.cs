using System.Diagnostics;
using System.Runtime.CompilerServices;
using Collab.Models;

namespace Collab.Training.Optimizers;

/// <summary>
/// One user- or item-keyed table under deferred Adam: its moments, the step each row was last brought to, and
/// the steps recorded since the last flush. A row's zero-gradient steps wait until the row is next used or
/// the table is flushed, then run together (<see cref="AdamCatchUpKernel"/>).
/// </summary>
/// <remarks>
/// A long wait ends with steps whose momentum term is negligible: m shrinks by β1 (0.85-0.95) per step while the
/// denominator shrinks by sqrt(β2) (0.995). Once the bound on everything the remaining steps add (see
/// <see cref="StepHistory"/>) is below 2^-30 of the row's largest value, a sixty-fourth of a float's largest rounding
/// error, they are applied as what they then are: p and m times the products of their decays and β1s, v times β2^n.
/// </remarks>
internal sealed class DeferredTable
{
    private const int ShortestTruncatedWait = 32;
    private const float NegligibleFraction = 1f / (1 << 30);
    private readonly int[] _lastStep;
    private readonly Beta2Powers _powers;
    private readonly StepHistory _history;
    private readonly float _eps;
    private int _base;

    public DeferredTable(ParameterTensor tensor, RowKey key, Beta2Powers powers, float eps)
    {
        Tensor = tensor;
        Key = key;
        _powers = powers;
        _history = new StepHistory(powers.Beta2);
        _eps = eps;
        FirstMoment = new float[tensor.Values.Length];
        SecondMoment = new float[tensor.Values.Length];
        _lastStep = new int[tensor.Rows];
    }

    public ParameterTensor Tensor { get; }

    public RowKey Key { get; }

    public float[] FirstMoment { get; }

    public float[] SecondMoment { get; }

    private int Current => _base + _history.Count;

    /// <summary>Records the next step for the rows that miss it.</summary>
    public void Record(AdamStep step) => _history.Add(step);

    /// <summary>Brings the given rows (repeats allowed) up to the last recorded step.</summary>
    public void CatchUp(ReadOnlySpan<int> rows)
    {
        _powers.Ensure(_history.Count);
        foreach (int row in rows)
            CatchUpRow(row);
    }

    /// <summary>The step just recorded, with its gradient, on the given rows (repeats allowed; each stepped once).</summary>
    public void Step(ReadOnlySpan<int> rows, AdamStep step)
    {
        int current = Current;
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
        _powers.Ensure(_history.Count);
        int rows = Tensor.Rows;
        int threads = Math.Max(1, parallel.MaxDegreeOfParallelism);
        Parallel.For(0, threads, parallel, share =>
        {
            for (int row = rows * share / threads; row < rows * (share + 1) / threads; row++)
                CatchUpRow(row);
        });
        _base += _history.Count;
        _history.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CatchUpRow(int row)
    {
        int pending = Current - _lastStep[row];
        if (pending == 0)
            return;
        int columns = Tensor.Columns;
        var p = Tensor.Values.AsSpan(row * columns, columns);
        var m = FirstMoment.AsSpan(row * columns, columns);
        var v = SecondMoment.AsSpan(row * columns, columns);
        int start = _history.Count - pending;
        int full = FullSteps(p, m, v, start, pending);
        var tail = full == pending ? NegligibleTail.None : new NegligibleTail(
            _history.DecayProduct(start + full, _history.Count), _history.Beta1Product(start + full, _history.Count), _powers.Power(pending - full));
        AdamCatchUpKernel.CatchUp(p, m, v, _history.Steps(start, full), _powers.SqrtPowers(full), _powers.Beta2, _powers.Power(full), _eps, tail);
        _lastStep[row] = Current;
    }

    /// <summary>How many of the row's pending steps (from history index <paramref name="start"/>) must run in full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FullSteps(ReadOnlySpan<float> p, ReadOnlySpan<float> m, ReadOnlySpan<float> v, int start, int pending)
    {
        double maxRatio = _history.MaxRatio;
        if (pending < ShortestTruncatedWait || !(maxRatio < 1))
            return pending;
        var first = _history.Steps(start, 1)[0];
        float f1 = _powers.SqrtPowers(1)[0] * first.SqrtInvBias2;
        var (maxValue, mu) = AdamCatchUpKernel.BoundScales(p, m, v, _eps / f1);
        // The smallest j with μ·Qⱼ·ρ̂/(1 − ρ̂) ≤ 2^-30·max|p|, where ln(μ·Qⱼ) = ln(μ·Q₁) + ln(ρ's product over steps
        // 2..j) decreases with j (every ρ ≤ ρ̂ < 1): a binary search.
        double logLimit = Math.Log(NegligibleFraction * maxValue * (1 - maxRatio) / maxRatio);
        double logFirst = Math.Log((double)mu * first.StepSize * first.Beta1 / f1);
        int low = 1, high = pending;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (logFirst + _history.LogRatioProduct(start + 1, start + middle) <= logLimit)
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }
}
