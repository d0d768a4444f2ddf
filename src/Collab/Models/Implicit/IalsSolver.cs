using System.Numerics.Tensors;
using Collab.Numerics;

namespace Collab.Models.Implicit;

/// <summary>
/// The half-step of implicit ALS: with one side's factors fixed, every row of the other side minimises
/// Σ_observed c (w·h − 1)² + α0·wᵀGw + λ_row‖w‖², G = the fixed side's Gram matrix. A row's system is
/// A = α0·G + λ_row·I + Σ c·h·hᵀ, b = Σ c·h; it is solved by a few conjugate-gradient steps from the row's current
/// value (A·p formed from G and the row's observed columns, never A itself) or exactly by Cholesky. Each row depends
/// only on the fixed side, so the result does not depend on the thread count or the order rows are visited.
/// </summary>
internal static class IalsSolver
{
    private const int GramChunk = 1024;
    private const int RowsPerTask = 32;

    /// <summary>G = Σ_rows h·hᵀ (k x k, double), summed over fixed chunks of rows in a fixed order: deterministic for any thread count.</summary>
    public static double[] Gram(float[] factors, int rows, int k, ParallelOptions parallel)
    {
        int chunks = (rows + GramChunk - 1) / GramChunk;
        var partials = new double[chunks][];
        Parallel.For(0, chunks, parallel, chunk =>
        {
            var g = new double[k * k];
            var h = new double[k];
            int end = Math.Min(rows, (chunk + 1) * GramChunk);
            for (int r = chunk * GramChunk; r < end; r++)
            {
                Widen(factors.AsSpan(r * k, k), h);
                for (int a = 0; a < k; a++)
                {
                    if (h[a] != 0)
                        TensorPrimitives.MultiplyAdd(h, h[a], g.AsSpan(a * k, k), g.AsSpan(a * k, k));
                }
            }
            partials[chunk] = g;
        });
        var gram = new double[k * k];
        foreach (var g in partials)
            TensorPrimitives.Add(gram, g, gram);
        return gram;
    }

    /// <summary>λ·(count + α0·columns)^ν: the frequency-scaled regularization of a row.</summary>
    public static double RowRegularization(IalsOptions options, int count, int columns) =>
        options.Regularization * Math.Pow(count + options.UnobservedWeight * columns, options.RegularizationExponent);

    /// <summary>Solves every row of <paramref name="target"/> against the fixed <paramref name="fixedFactors"/>.</summary>
    public static void SolveRows(IalsRows rows, float[] target, float[] fixedFactors, int k, IalsOptions options, ParallelOptions parallel)
    {
        var gram = Gram(fixedFactors, rows.ColumnCount, k, parallel);
        TensorPrimitives.Multiply(gram, options.UnobservedWeight, gram);
        var gramFloat = new float[k * k];
        Narrow(gram, gramFloat);
        int tasks = (rows.RowCount + RowsPerTask - 1) / RowsPerTask;
        Parallel.For(0, tasks, parallel, () => new IalsScratch(k), (task, _, scratch) =>
        {
            int end = Math.Min(rows.RowCount, (task + 1) * RowsPerTask);
            for (int row = task * RowsPerTask; row < end; row++)
            {
                var x = target.AsSpan(row * k, k);
                int from = rows.Offsets[row], count = rows.CountOf(row);
                if (count == 0)
                {
                    x.Clear();
                    continue;
                }
                var columns = rows.Columns.AsSpan(from, count);
                var confidences = rows.Confidences.AsSpan(from, count);
                double lambda = RowRegularization(options, count, rows.ColumnCount);
                if (options.ConjugateGradientSteps == 0)
                    SolveExact(gram, lambda, fixedFactors, columns, confidences, k, x);
                else
                    SolveConjugateGradient(gramFloat, (float)lambda, fixedFactors, columns, confidences, k, options.ConjugateGradientSteps, x, scratch);
            }
            return scratch;
        }, _ => { });
    }

    /// <summary>
    /// The exact minimiser: A = <paramref name="scaledGram"/> + λ·I + Σ c·h·hᵀ, b = Σ c·h, by Cholesky in double
    /// (<paramref name="scaledGram"/> is α0·G).
    /// </summary>
    public static void SolveExact(ReadOnlySpan<double> scaledGram, double lambda, float[] fixedFactors, ReadOnlySpan<int> columns,
        ReadOnlySpan<float> confidences, int k, Span<float> x)
    {
        var a = scaledGram.ToArray();
        var b = new double[k];
        var h = new double[k];
        for (int d = 0; d < k; d++)
            a[d * k + d] += lambda;
        for (int n = 0; n < columns.Length; n++)
        {
            Widen(fixedFactors.AsSpan(columns[n] * k, k), h);
            double c = confidences[n];
            SpdMatrix.AddOuter(a, k, h, c);
            TensorPrimitives.MultiplyAdd(h, c, b, b);
        }
        SpdMatrix.SolveCopy(a, k, b);
        Narrow(b, x);
    }

    /// <summary>
    /// <paramref name="steps"/> conjugate-gradient steps on A·x = b from the current <paramref name="x"/>
    /// (<paramref name="scaledGram"/> is α0·G).
    /// </summary>
    public static void SolveConjugateGradient(ReadOnlySpan<float> scaledGram, float lambda, float[] fixedFactors, ReadOnlySpan<int> columns,
        ReadOnlySpan<float> confidences, int k, int steps, Span<float> x, IalsScratch scratch)
    {
        var r = scratch.Vectors.AsSpan(0, k);
        var p = scratch.Vectors.AsSpan(k, k);
        var ap = scratch.Vectors.AsSpan(2 * k, k);
        var packed = scratch.Packed(columns.Length * k);
        // r = b − A·x = Σ c·(1 − h·x)·h − α0·G·x − λ·x, gathering the observed rows on the way.
        MultiplyGram(scaledGram, x, r, k);
        TensorPrimitives.MultiplyAdd(x, lambda, r, r);
        TensorPrimitives.Negate(r, r);
        for (int n = 0; n < columns.Length; n++)
        {
            var h = packed.Slice(n * k, k);
            fixedFactors.AsSpan(columns[n] * k, k).CopyTo(h);
            float weight = confidences[n] * (1 - TensorPrimitives.Dot(h, x));
            TensorPrimitives.MultiplyAdd(h, weight, r, r);
        }
        r.CopyTo(p);
        float rsOld = TensorPrimitives.Dot(r, r);
        if (rsOld < 1e-20f)
            return;
        for (int step = 0; step < steps; step++)
        {
            // ap = A·p
            MultiplyGram(scaledGram, p, ap, k);
            TensorPrimitives.MultiplyAdd(p, lambda, ap, ap);
            for (int n = 0; n < columns.Length; n++)
            {
                var h = packed.Slice(n * k, k);
                TensorPrimitives.MultiplyAdd(h, confidences[n] * TensorPrimitives.Dot(h, p), ap, ap);
            }
            float alpha = rsOld / TensorPrimitives.Dot(p, ap);
            TensorPrimitives.MultiplyAdd(p, alpha, x, x);
            TensorPrimitives.MultiplyAdd(ap, -alpha, r, r);
            float rsNew = TensorPrimitives.Dot(r, r);
            if (rsNew < 1e-20f)
                return;
            // p = r + (rsNew / rsOld)·p
            TensorPrimitives.MultiplyAdd(p, rsNew / rsOld, r, p);
            rsOld = rsNew;
        }
    }

    /// <summary>The training objective (see <see cref="IalsOptions"/>); per-row terms summed in row order, so deterministic.</summary>
    public static double Loss(IalsRows users, IalsRows items, float[] userFactors, float[] itemFactors, int k, IalsOptions options, ParallelOptions parallel)
    {
        var perUser = new double[users.RowCount];
        Parallel.For(0, users.RowCount, parallel, u =>
        {
            var w = userFactors.AsSpan(u * k, k);
            double total = RowRegularization(options, users.CountOf(u), users.ColumnCount) * TensorPrimitives.Dot(w, w);
            for (int n = users.Offsets[u]; n < users.Offsets[u + 1]; n++)
            {
                double error = TensorPrimitives.Dot(w, itemFactors.AsSpan(users.Columns[n] * k, k)) - 1.0;
                total += users.Confidences[n] * error * error;
            }
            perUser[u] = total;
        });
        double loss = 0;
        foreach (double term in perUser)
            loss += term;
        for (int i = 0; i < items.RowCount; i++)
        {
            var h = itemFactors.AsSpan(i * k, k);
            loss += RowRegularization(options, items.CountOf(i), items.ColumnCount) * TensorPrimitives.Dot(h, h);
        }
        // α0·Σ_all (w·h)² = α0·Σ_ab Gu[a,b]·Gi[a,b]
        var gu = Gram(userFactors, users.RowCount, k, parallel);
        var gi = Gram(itemFactors, items.RowCount, k, parallel);
        return loss + options.UnobservedWeight * TensorPrimitives.Dot(gu, gi);
    }

    public static void Widen(ReadOnlySpan<float> from, Span<double> to)
    {
        for (int n = 0; n < from.Length; n++)
            to[n] = from[n];
    }

    public static void Narrow(ReadOnlySpan<double> from, Span<float> to)
    {
        for (int n = 0; n < from.Length; n++)
            to[n] = (float)from[n];
    }

    private static void MultiplyGram(ReadOnlySpan<float> gram, ReadOnlySpan<float> v, Span<float> result, int k)
    {
        for (int a = 0; a < k; a++)
            result[a] = TensorPrimitives.Dot(gram.Slice(a * k, k), v);
    }
}
