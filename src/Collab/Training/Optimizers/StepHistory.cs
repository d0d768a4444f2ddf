namespace Collab.Training.Optimizers;

/// <summary>
/// The Adam steps a deferred table recorded since its last flush (index h is step base + 1 + h), with what bounds
/// a row's momentum term: the ratio ρ of each step's bound to the previous one's, and prefix sums of ln ρ, ln(decay)
/// and ln(β1), so the product over any run of steps is one subtraction (and one exponential).
/// </summary>
/// <remarks>
/// A row with zero gradient moves by qⱼ = sⱼ·m·Bⱼ / (sqrt(v)·fⱼ + eps) at its j-th pending step, where Bⱼ is the
/// product of the β1s so far and fⱼ = sqrt(β2)^j·sqrt(invBias2ⱼ) decreases with j. So |qⱼ| ≤ μ·Qⱼ with
/// μ = |m| / (sqrt(v) + eps/f₁) and Qⱼ = sⱼ·Bⱼ/fⱼ, and Qⱼ₊₁/Qⱼ = β1ⱼ₊₁·(sⱼ₊₁/sⱼ)·sqrt(invBias2ⱼ/invBias2ⱼ₊₁)/sqrt(β2)
/// = ρ of step j + 1, which does not depend on the row. With ρ̂ the largest ρ recorded, the steps after the j-th
/// move the row by at most μ·Qⱼ·ρ̂/(1 − ρ̂) in all.
/// </remarks>
internal sealed class StepHistory(double beta2)
{
    private readonly double _sqrtBeta2 = Math.Sqrt(beta2);
    private CatchUpStep[] _steps = new CatchUpStep[256];
    private double[] _logRatio = new double[257];
    private double[] _logDecay = new double[257];
    private double[] _logBeta1 = new double[257];

    /// <summary>Steps recorded since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The largest ρ recorded (infinite once a step has no usable bound: zero decay or β1).</summary>
    public double MaxRatio { get; private set; }

    public void Add(AdamStep step)
    {
        if (Count == _steps.Length)
        {
            Array.Resize(ref _steps, 2 * Count);
            Array.Resize(ref _logRatio, 2 * Count + 1);
            Array.Resize(ref _logDecay, 2 * Count + 1);
            Array.Resize(ref _logBeta1, 2 * Count + 1);
        }
        var current = CatchUpStep.From(step);
        // A step's ρ is only used for a row that also missed the step before it, so the first step after a
        // flush needs none (its ln ρ is recorded as 0 and never read).
        double logRatio = 0;
        if (Count > 0)
        {
            var previous = _steps[Count - 1];
            double ratio = (double)current.Beta1 * current.StepSize / previous.StepSize
                * previous.SqrtInvBias2 / current.SqrtInvBias2 / _sqrtBeta2;
            logRatio = Math.Log(ratio);
            MaxRatio = Math.Max(MaxRatio, ratio);
        }
        if (!(current.Decay > 0 && current.Beta1 > 0))
            MaxRatio = double.PositiveInfinity;
        _steps[Count] = current;
        _logRatio[Count + 1] = _logRatio[Count] + logRatio;
        _logDecay[Count + 1] = _logDecay[Count] + Math.Log(current.Decay);
        _logBeta1[Count + 1] = _logBeta1[Count] + Math.Log(current.Beta1);
        Count++;
    }

    public void Clear()
    {
        Count = 0;
        MaxRatio = 0;
    }

    public ReadOnlySpan<CatchUpStep> Steps(int start, int count) => _steps.AsSpan(start, count);

    /// <summary>ln of the product of ρ over steps [from, to): how much the momentum bound shrinks over them.</summary>
    public double LogRatioProduct(int from, int to) => _logRatio[to] - _logRatio[from];

    /// <summary>The product of the decays of steps [from, to).</summary>
    public float DecayProduct(int from, int to) => (float)Math.Exp(_logDecay[to] - _logDecay[from]);

    /// <summary>The product of the β1s of steps [from, to).</summary>
    public float Beta1Product(int from, int to) => (float)Math.Exp(_logBeta1[to] - _logBeta1[from]);
}
