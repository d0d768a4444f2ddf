namespace Collab.ColdStart;

/// <summary>How <see cref="FoldIn"/> fits a new row against the frozen factors.</summary>
public enum FoldInMethod
{
    /// <summary>
    /// Damped Gauss-Newton (Levenberg-Marquardt) steps on the model's true squared loss through the output
    /// range's sigmoid, started from the <see cref="LogitLeastSquares"/> solution.
    /// </summary>
    DampedNewton,

    /// <summary>
    /// One weighted ridge least-squares solve in logit space: each rating is mapped through the inverse of the
    /// output range's sigmoid and weighted by the sigmoid's slope there (exact when the model has no range).
    /// </summary>
    LogitLeastSquares,
}
