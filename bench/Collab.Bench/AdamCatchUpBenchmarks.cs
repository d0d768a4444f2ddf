using BenchmarkDotNet.Attributes;
using Collab.Training.Optimizers;

namespace Collab.Bench;

/// <summary>
/// Exact mode's deferred Adam: bringing ml-latest-small-sized rows (50 factors) up to date over pending
/// zero-gradient steps, the vectorised kernel (rows in registers, four 8-wide chunks at a time) against its
/// scalar reference. Each call first restores p, m and v (3 x 400 KB copied, a few percent of the vectorised
/// time), so every call catches up the same state. Element-steps per call: rows x 50 x pending steps.
/// </summary>
public class AdamCatchUpBenchmarks
{
    private const int Columns = 50;
    private const int Rows = 2_000;
    private float[] _p0 = [], _m0 = [], _v0 = [];
    private float[] _p = [], _m = [], _v = [];
    private CatchUpStep[] _steps = [];
    private Beta2Powers _powers = new(0.99);

    [Params(10, 100)]
    public int Pending { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        float[] Fill(float scale) => [.. Enumerable.Range(0, Rows * Columns).Select(_ => (float)(random.NextDouble() - 0.5) * scale)];
        (_p0, _m0, _v0) = (Fill(0.5f), Fill(0.02f), Fill(0.01f));
        for (int i = 0; i < _v0.Length; i++)
            _v0[i] = _v0[i] * _v0[i];
        (_p, _m, _v) = ((float[])_p0.Clone(), (float[])_m0.Clone(), (float[])_v0.Clone());
        _steps = [.. Enumerable.Range(1, Pending).Select(t => CatchUpStep.From(AdamStep.Create(5e-3, 0.9, 0.99, 1e-5, 0.1, t: 1000 + t, decay: true)))];
        _powers = new Beta2Powers(0.99);
        _powers.Ensure(Pending);
    }

    [Benchmark(Baseline = true)]
    public void Scalar()
    {
        Restore();
        for (int row = 0; row < Rows; row++)
            AdamCatchUpKernel.CatchUpScalar(Row(_p, row), Row(_m, row), Row(_v, row), _steps, 0.99f, 1e-5f, NegligibleTail.None);
    }

    [Benchmark]
    public void Vectorized()
    {
        Restore();
        for (int row = 0; row < Rows; row++)
            AdamCatchUpKernel.CatchUp(Row(_p, row), Row(_m, row), Row(_v, row), _steps, _powers.SqrtPowers(Pending), 0.99f, _powers.Power(Pending), 1e-5f, NegligibleTail.None);
    }

    private static Span<float> Row(float[] values, int row) => values.AsSpan(row * Columns, Columns);

    private void Restore()
    {
        _p0.CopyTo(_p, 0);
        _m0.CopyTo(_m, 0);
        _v0.CopyTo(_v, 0);
    }
}
