namespace Collab.Training.Optimizers;

/// <summary>
/// Powers of Adam's β2 for deferred steps, grown on demand: <see cref="SqrtPowers"/>[k] = sqrt(β2)^(k+1) scales
/// sqrt(v) over the k+1-th pending step, and <see cref="Power"/>(n) = β2^n is v's factor after n steps.
/// Computed in double, so a long gap costs no more rounding than a short one.
/// </summary>
internal sealed class Beta2Powers(double beta2)
{
    private float[] _sqrtPowers = [];
    private float[] _powers = [1f];

    public float Beta2 { get; } = (float)beta2;

    /// <summary>sqrt(β2)^(k+1) for k = 0 .. count − 1 (valid after <see cref="Ensure"/>(count)).</summary>
    public ReadOnlySpan<float> SqrtPowers(int count) => _sqrtPowers.AsSpan(0, count);

    /// <summary>β2^n (valid after <see cref="Ensure"/>(n)).</summary>
    public float Power(int n) => _powers[n];

    /// <summary>Makes powers up to <paramref name="count"/> steps available (not thread-safe: call before parallel use).</summary>
    public void Ensure(int count)
    {
        if (count < _sqrtPowers.Length)
            return;
        int length = Math.Max(count + 1, 2 * _sqrtPowers.Length);
        _sqrtPowers = new float[length];
        _powers = new float[length + 1];
        double root = Math.Sqrt(beta2);
        for (int k = 0; k <= length; k++)
        {
            _powers[k] = (float)Math.Pow(beta2, k);
            if (k < length)
                _sqrtPowers[k] = (float)Math.Pow(root, k + 1);
        }
    }
}
