namespace Collab.Training.Bayesian;

/// <summary>
/// The parameters of one feature block in a Gibbs sweep: each feature's linear weight and factor row, the block's
/// per-row sums of them (what the block adds to a rating of that row), and the group's hyper-parameters.
/// </summary>
internal sealed class BlockState
{
    public BlockState(FeatureBlock block, int rank)
    {
        Block = block;
        Weights = new double[block.Width];
        Factors = new double[block.Width * rank];
        Linear = new double[block.Rows];
        Sums = new double[block.Rows * rank];
        SquareSums = new double[block.Rows * rank];
        FactorMean = new double[rank];
        FactorPrecision = [.. Enumerable.Repeat(1.0, rank)];
    }

    public FeatureBlock Block { get; }

    /// <summary>w_j, the linear weight of each feature.</summary>
    public double[] Weights { get; }

    /// <summary>v_jf, feature-major (Width × rank).</summary>
    public double[] Factors { get; }

    /// <summary>Σ_j x_bj·w_j for each row b.</summary>
    public double[] Linear { get; }

    /// <summary>Σ_j x_bj·v_jf for each row b and factor f (Rows × rank).</summary>
    public double[] Sums { get; }

    /// <summary>Σ_j x_bj²·v_jf² for each row b and factor f: the self-interaction the FM leaves out.</summary>
    public double[] SquareSums { get; }

    public double WeightMean { get; set; }

    public double WeightPrecision { get; set; } = 1;

    public double[] FactorMean { get; }

    public double[] FactorPrecision { get; }

    /// <summary>Recomputes the per-row sums from the parameters (rounding in incremental updates never accumulates).</summary>
    public void Refresh(int rank)
    {
        var block = Block;
        for (int b = 0; b < block.Rows; b++)
        {
            double linear = 0;
            var sums = Sums.AsSpan(b * rank, rank);
            var squares = SquareSums.AsSpan(b * rank, rank);
            sums.Clear();
            squares.Clear();
            for (int at = block.RowStart[b]; at < block.RowStart[b + 1]; at++)
            {
                int j = block.Columns[at];
                double x = block.Values[at];
                linear += x * Weights[j];
                for (int f = 0; f < rank; f++)
                {
                    double v = Factors[j * rank + f] * x;
                    sums[f] += v;
                    squares[f] += v * v;
                }
            }
            Linear[b] = linear;
        }
    }
}
