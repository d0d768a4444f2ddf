namespace Collab.Training.Bayesian;

/// <summary>
/// What a block's row b needs while one of its weights is drawn, packed so that a row costs one cache line:
/// over the row's ratings n, with e_n the residual and r_n the other blocks' part of the factor, Σr, Σr², Σe and
/// Σe·r; the block's own factor sum Q_b and square sum D_b (current and before the draws); the rating count.
/// </summary>
internal struct RowSums
{
    public double R, RR, E, ER;
    public double Sum, Square, OldSum, OldSquare;
    public double Count;
}
