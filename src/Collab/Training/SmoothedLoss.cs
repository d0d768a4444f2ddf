namespace Collab.Training;

/// <summary>
/// fastai's printed train_loss: a debiased exponential moving average of batch losses, val ← lerp with
/// β = 0.98 in float32, shown as val / (1 − βⁿ); n counts batches since the start of the fit (spec rule 40).
/// </summary>
public sealed class SmoothedLoss(double beta = CollabDefaults.SmoothBeta)
{
    private float _value;
    private int _count;

    // βⁿ, kept by multiplication: the value is read after every batch, and Math.Pow there showed in profiles.
    private double _power = 1;

    /// <summary>The debiased value (NaN before the first batch).</summary>
    public double Value => _count == 0 ? double.NaN : _value / (1 - _power);

    /// <summary>Adds one batch loss.</summary>
    public void Add(double loss)
    {
        _value -= (_value - (float)loss) * (1 - (float)beta);
        _count++;
        _power *= beta;
    }

    /// <summary>Starts over (fastai does so at the start of every fit).</summary>
    public void Reset()
    {
        _value = 0;
        _count = 0;
        _power = 1;
    }
}
