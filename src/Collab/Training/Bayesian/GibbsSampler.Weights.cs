using Collab.Numerics;

namespace Collab.Training.Bayesian;

/// <summary>
/// The draws of one block's weights. A weight θ of feature j enters rating n as ŷ_n = g_n + θ·h_n, so given the rest
/// θ ~ N((α·Σ(e_n + θ·h_n)·h_n + μλ) / P, 1/P) with P = α·Σh_n² + λ and e the residuals. The sums over a column's
/// ratings are assembled from per-row sums (<see cref="RowSums"/>), and a draw updates those sums at once. One pass
/// over the ratings brings the residuals and per-factor sums up to date after a factor's draws and gathers the
/// row sums the next factor needs, so a block costs rank + 2 passes.
/// </summary>
internal sealed partial class GibbsSampler
{
    private void SampleBlock(int g, int sweep)
    {
        var state = _blocks[g];
        var block = state.Block;
        var starts = StartsOf(block);
        var rows = _rows;
        ForRows(block.Rows, b =>
        {
            double sum = 0;
            var residuals = _residuals;
            for (int n = starts[b]; n < starts[b + 1]; n++)
                sum += residuals[n];
            rows[b].E = sum;
            rows[b].Count = starts[b + 1] - starts[b];
            rows[b].OldSum = state.Linear[b];
        });
        ForColumns(block, j => DrawWeight(state, j, sweep, g));
        ForRows(block.Rows, b =>
        {
            double change = state.Linear[b] - rows[b].OldSum;
            var q = _interactions[0];
            var residuals = _residuals;
            ref var row = ref rows[b];
            row.Sum = row.OldSum = state.Sums[b * _rank];
            row.Square = row.OldSquare = state.SquareSums[b * _rank];
            double r1 = 0, r2 = 0, se = 0, ser = 0;
            for (int n = starts[b]; n < starts[b + 1]; n++)
            {
                double e = residuals[n] -= change;
                double r = q[n] - row.Sum;
                r1 += r;
                r2 += r * r;
                se += e;
                ser += e * r;
            }
            (row.R, row.RR, row.E, row.ER) = (r1, r2, se, ser);
        });
        for (int f = 0; f < _rank; f++)
        {
            int factor = f;
            ForColumns(block, j => DrawFactor(state, j, factor, sweep, g));
            ForRows(block.Rows, b => Push(state, starts, b, factor));
        }
    }

    // Linear weight: h_n = x_bj for the rating's row b.
    private void DrawWeight(BlockState state, int j, int sweep, int g)
    {
        var block = state.Block;
        var rows = _rows;
        double h2 = 0, eh = 0;
        for (int at = block.ColumnStart[j]; at < block.ColumnStart[j + 1]; at++)
        {
            ref var row = ref rows[block.ColumnRows[at]];
            double x = block.ColumnValues[at];
            h2 += x * x * row.Count;
            eh += x * row.E;
        }
        double old = state.Weights[j];
        double drawn = Draw(h2, eh, old, state.WeightMean, state.WeightPrecision, sweep, g, 0, j);
        double delta = drawn - old;
        state.Weights[j] = drawn;
        for (int at = block.ColumnStart[j]; at < block.ColumnStart[j + 1]; at++)
        {
            int b = block.ColumnRows[at];
            double x = block.ColumnValues[at];
            rows[b].E -= delta * x * rows[b].Count;
            state.Linear[b] += delta * x;
        }
    }

    // Factor f: h_n = x_bj·(q_nf − v_jf·x_bj) = x_bj·(a_b + r_n), a_b = Q_bf − v_jf·x_bj, r_n = q_nf − Q_bf the other blocks' part.
    private void DrawFactor(BlockState state, int j, int f, int sweep, int g)
    {
        var block = state.Block;
        var rows = _rows;
        int k = _rank;
        double v = state.Factors[j * k + f];
        double h2 = 0, eh = 0;
        for (int at = block.ColumnStart[j]; at < block.ColumnStart[j + 1]; at++)
        {
            ref var row = ref rows[block.ColumnRows[at]];
            double x = block.ColumnValues[at];
            double a = row.Sum - v * x;
            h2 += x * x * (row.Count * a * a + 2 * a * row.R + row.RR);
            eh += x * (a * row.E + row.ER);
        }
        double drawn = Draw(h2, eh, v, state.FactorMean[f], state.FactorPrecision[f], sweep, g, f + 1, j);
        double delta = drawn - v;
        for (int at = block.ColumnStart[j]; at < block.ColumnStart[j + 1]; at++)
        {
            ref var row = ref rows[block.ColumnRows[at]];
            double x = block.ColumnValues[at];
            double a = row.Sum - v * x;
            row.E -= delta * x * (row.Count * a + row.R);
            row.ER -= delta * x * (a * row.R + row.RR);
            row.Sum += delta * x;
            row.Square += (drawn * drawn - v * v) * x * x;
        }
        state.Factors[j * k + f] = drawn;
    }

    // Applies factor f's change of row b to its ratings, then gathers the row sums of factor f + 1.
    private void Push(BlockState state, int[] starts, int b, int f)
    {
        int k = _rank;
        ref var row = ref _rows[b];
        double change = row.Sum - row.OldSum, squares = row.Square - row.OldSquare;
        state.Sums[b * k + f] = row.Sum;
        state.SquareSums[b * k + f] = row.Square;
        var q = _interactions[f];
        bool last = f + 1 == k;
        var next = last ? q : _interactions[f + 1];
        double own = last ? 0 : state.Sums[b * k + f + 1];
        var residuals = _residuals;
        double r1 = 0, r2 = 0, se = 0, ser = 0;
        for (int n = starts[b]; n < starts[b + 1]; n++)
        {
            double old = q[n], updated = old + change;
            double e = residuals[n] -= 0.5 * (updated * updated - old * old - squares);
            q[n] = updated;
            if (last)
                continue;
            double r = next[n] - own;
            r1 += r;
            r2 += r * r;
            se += e;
            ser += e * r;
        }
        if (last)
            return;
        (row.R, row.RR, row.E, row.ER) = (r1, r2, se, ser);
        row.Sum = row.OldSum = own;
        row.Square = row.OldSquare = state.SquareSums[b * k + f + 1];
    }

    // The conditional posterior's draw, keyed so that the order of columns across threads does not matter.
    private double Draw(double h2, double eh, double current, double priorMean, double priorPrecision, int sweep, int g, int factor, int j)
    {
        double precision = NoisePrecision * h2 + priorPrecision;
        double mean = (NoisePrecision * (eh + current * h2) + priorMean * priorPrecision) / precision;
        ulong slot = ((ulong)(uint)g << 32) | (uint)factor;
        return mean + CounterNormal.Draw(_seed, (ulong)sweep, slot, (ulong)j) / Math.Sqrt(precision);
    }

    // Rows are independent; small loops and single-threaded runs stay on this thread (a parallel loop's hand-off
    // costs more than a few thousand rows of work).
    private void ForRows(int rows, Action<int> body)
    {
        if (_parallel.MaxDegreeOfParallelism == 1 || rows < ParallelRows)
        {
            for (int b = 0; b < rows; b++)
                body(b);
            return;
        }
        Parallel.For(0, (rows + RowChunk - 1) / RowChunk, _parallel, chunk =>
        {
            for (int b = chunk * RowChunk, end = Math.Min(rows, b + RowChunk); b < end; b++)
                body(b);
        });
    }

    // One-hot blocks draw their columns in parallel (their conditionals are independent); others in order.
    private void ForColumns(FeatureBlock block, Action<int> body)
    {
        if (block.RowsHaveOneEntryAtMost)
            ForRows(block.Width, body);
        else
        {
            for (int j = 0; j < block.Width; j++)
                body(j);
        }
    }
}
