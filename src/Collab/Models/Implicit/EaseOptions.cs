namespace Collab.Models.Implicit;

/// <summary>Settings of <see cref="EaseModel"/> (Steck 2019, "Embarrassingly Shallow Autoencoders for Sparse Data").</summary>
public sealed record EaseOptions
{
    /// <summary>
    /// λ, the ridge on the item-item Gram matrix. <value>Default: 300, the value the inner search of
    /// bench/implicit-nested.cs chose in each of three outer splits of ml-latest-small (grid 100, 300, 1000; Steck
    /// used 500 on ML-20M and Netflix, and larger catalogues with more users want more).</value>
    /// </summary>
    public double Lambda { get; init; } = 300;

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
