using BenchmarkDotNet.Attributes;
using Collab.Training.Optimizers;

namespace Collab.Bench;

/// <summary>
/// The dense Adam pass (exact mode's bias tables and layers, and its step on each touched row; before exact mode
/// deferred untouched rows, every table at every step): the fused SIMD kernel against its scalar reference, on
/// tables that fit in cache (64k parameters) and on tables that do not (ml-latest-small's 440k; 11M for ml-25m's
/// 221k rows x 51).
/// The kernel clears g, so after the first call it runs on zero gradients: the same loads, stores and
/// arithmetic, which is what is measured.
/// </summary>
public class AdamKernelBenchmarks
{
    private float[] _p = [];
    private float[] _g = [];
    private float[] _m = [];
    private float[] _v = [];
    private AdamStep _step;

    [Params(65_536, 440_000, 11_271_000)]
    public int Parameters { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        float[] Fill() => [.. Enumerable.Range(0, Parameters).Select(_ => (float)(random.NextDouble() - 0.5))];
        (_p, _g, _m, _v) = (Fill(), Fill(), Fill(), Fill());
        for (int i = 0; i < _v.Length; i++)
            _v[i] = Math.Abs(_v[i]);
        _step = AdamStep.Create(5e-3, 0.9, 0.99, 1e-5, 0.01, t: 10, decay: true);
    }

    [Benchmark(Baseline = true)]
    public void Scalar() => AdamKernel.StepScalar(_p, _g, _m, _v, _step);

    [Benchmark]
    public void Vectorized() => AdamKernel.Step(_p, _g, _m, _v, _step);
}
