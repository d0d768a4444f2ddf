namespace Collab.Models.Implicit;

/// <summary>
/// Settings of implicit alternating least squares (<see cref="IalsTrainer"/>): Hu, Koren and Volinsky's model with
/// Rendle et al.'s 2021 recipe (an unobserved weight α0 on all pairs, frequency-scaled regularization) and the
/// conjugate-gradient row solves of Takács et al. 2011 as in the <c>implicit</c> Python library.
/// </summary>
/// <remarks>
/// The objective, over user rows w_u and item rows h_i (ŷ_ui = w_u·h_i):
/// Σ_(u,i) observed c_ui (ŷ_ui − 1)² + α0 Σ_all (u,i) ŷ_ui² + Σ_u λ_u ‖w_u‖² + Σ_i λ_i ‖h_i‖²,
/// with c_ui = 1 + <see cref="ConfidenceScale"/>·r_ui and λ_u = λ·(|I_u| + α0·|I|)^ν (likewise λ_i with |U_i| and |U|).
/// </remarks>
public sealed record IalsOptions
{
    /// <summary>Latent factors per row. <value>Default: 64.</value></summary>
    public int Factors { get; init; } = 64;

    /// <summary>Sweeps; each solves every user row, then every item row. <value>Default: 15 (the <c>implicit</c> library's).</value></summary>
    public int Iterations { get; init; } = 15;

    /// <summary>
    /// λ, the regularization before frequency scaling. <value>Default: 0.02 (with α0 = 0.1, the choice of the inner
    /// search of bench/implicit-nested.cs in two of three outer splits of ml-latest-small; the third chose 0.01 and
    /// α0 0.3; Rendle et al. tune it per dataset).</value>
    /// </summary>
    public double Regularization { get; init; } = 0.02;

    /// <summary>
    /// ν, the exponent of the frequency scaling λ·(|I_u| + α0·|I|)^ν; 0 gives the plain λ of the <c>implicit</c> library.
    /// <value>Default: 1 (Rendle et al. 2021).</value>
    /// </summary>
    public double RegularizationExponent { get; init; } = 1.0;

    /// <summary>α0, the weight of the squared score of every (user, item) pair, observed or not. <value>Default: 0.1 (Rendle et al.'s reference code).</value></summary>
    public double UnobservedWeight { get; init; } = 0.1;

    /// <summary>
    /// α of the confidence c = 1 + α·r of an observed pair with rating r; 0 treats every interaction alike (binary
    /// feedback). <value>Default: 0.</value>
    /// </summary>
    public double ConfidenceScale { get; init; }

    /// <summary>
    /// Conjugate-gradient steps per row solve, warm-started from the row's previous value; 0 solves each row exactly
    /// (Cholesky, k³/3 per row). <value>Default: 3 (the <c>implicit</c> library's).</value>
    /// </summary>
    public int ConjugateGradientSteps { get; init; } = 3;

    /// <summary>Standard deviation of the normal initial factors, divided by √<see cref="Factors"/>. <value>Default: 0.1 (Rendle et al.).</value></summary>
    public double InitStd { get; init; } = 0.1;

    /// <summary>Worker threads; 0 uses every core. Results are bit-identical for any value. <value>Default: 0.</value></summary>
    public int Threads { get; init; }

    /// <summary>Seed of the initial factors. <value>Default: 42 (<see cref="CollabDefaults.Seed"/>).</value></summary>
    public ulong Seed { get; init; } = CollabDefaults.Seed;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Factors);
        ArgumentOutOfRangeException.ThrowIfNegative(Iterations);
        ArgumentOutOfRangeException.ThrowIfNegative(ConjugateGradientSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(Threads);
        RequireFinite(Regularization, nameof(Regularization), allowZero: true);
        RequireFinite(RegularizationExponent, nameof(RegularizationExponent), allowZero: true);
        RequireFinite(UnobservedWeight, nameof(UnobservedWeight), allowZero: true);
        RequireFinite(ConfidenceScale, nameof(ConfidenceScale), allowZero: true);
        RequireFinite(InitStd, nameof(InitStd), allowZero: false);
        if (Regularization == 0 && UnobservedWeight == 0)
            throw new ArgumentOutOfRangeException(nameof(Regularization), Regularization,
                "With no regularization and no unobserved weight a row's system can be singular: make one of them positive.");
    }

    private static void RequireFinite(double value, string name, bool allowZero)
    {
        if (!double.IsFinite(value) || value < 0 || (!allowZero && value == 0))
            throw new ArgumentOutOfRangeException(name, value, allowZero
                ? $"{name} must be a finite number, 0 or more."
                : $"{name} must be a finite number above 0.");
    }
}
