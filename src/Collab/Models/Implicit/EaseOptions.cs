namespace Collab.Models.Implicit;

/// <summary>Settings of <see cref="EaseModel"/> (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data").</summary>
public sealed record EaseOptions
{
    /// <summary>
    /// λ, the ridge added to the diagonal of the item Gram matrix XᵀX. Steck's value for ML-20M (136k users) is 500; it
    /// grows with the number of users, so smaller sets want less. <value>Default: 500.</value>
    /// </summary>
    public double Lambda { get; init; } = 500;

    /// <summary>Worker threads for the Gram matrix, the inversion and batch scoring; 0 uses every core. <value>Default: 0.</value></summary>
    public int Threads { get; init; }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        if (!double.IsFinite(Lambda) || Lambda <= 0)
            throw new ArgumentOutOfRangeException(nameof(Lambda), Lambda, "Lambda must be a finite number above 0 (it keeps XᵀX + λI invertible).");
        ArgumentOutOfRangeException.ThrowIfNegative(Threads);
    }
}
