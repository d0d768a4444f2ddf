namespace Collab.Numerics;

/// <summary>
/// Principal component analysis of a row-major matrix (rows are observations): centre each column, take the
/// eigenvectors of the covariance matrix in order of decreasing variance, and project the centred rows onto
/// them. The scores equal fastai's <c>Tensor.pca</c> (SVD of the centred data) up to each component's sign;
/// here each component's largest loading is made positive so results are reproducible.
/// </summary>
public sealed class PrincipalComponents
{
    private readonly double[,] _components;
    private readonly double[,] _scores;

    private PrincipalComponents(double[,] components, double[] variance, double totalVariance, double[,] scores)
    {
        _components = components;
        _scores = scores;
        Variance = variance;
        TotalVariance = totalVariance;
    }

    /// <summary>Number of components kept.</summary>
    public int Count => Variance.Count;

    /// <summary>Number of observations (rows of <see cref="Score"/>).</summary>
    public int Rows => _scores.GetLength(0);

    /// <summary>Variance along each kept component (the covariance eigenvalues), decreasing.</summary>
    public IReadOnlyList<double> Variance { get; }

    /// <summary>Total variance of the data (sum over all columns), to express <see cref="Variance"/> as shares.</summary>
    public double TotalVariance { get; }

    /// <summary>The share of the total variance each component explains.</summary>
    public IReadOnlyList<double> ExplainedRatio => [.. Variance.Select(v => TotalVariance > 0 ? v / TotalVariance : 0)];

    /// <summary>Entry <paramref name="dimension"/> of unit component <paramref name="component"/>.</summary>
    public double Loading(int component, int dimension) => _components[dimension, component];

    /// <summary>The coordinate of row <paramref name="row"/> along component <paramref name="component"/>.</summary>
    public double Score(int row, int component) => _scores[row, component];

    /// <summary>Computes the first <paramref name="components"/> principal components.</summary>
    /// <param name="data">Row-major values, <paramref name="rows"/> x <paramref name="columns"/>.</param>
    /// <param name="rows">Observations (at least 2).</param>
    /// <param name="columns">Variables.</param>
    /// <param name="components">Components to keep, 1 to <paramref name="columns"/>.</param>
    public static PrincipalComponents Compute(ReadOnlySpan<float> data, int rows, int columns, int components)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfNotEqual(data.Length, rows * columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(components);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(components, columns);
        var centred = Centre(data, rows, columns);
        var covariance = new double[columns, columns];
        for (int i = 0; i < columns; i++)
        {
            for (int j = i; j < columns; j++)
            {
                double sum = 0;
                for (int r = 0; r < rows; r++)
                    sum += centred[r, i] * centred[r, j];
                covariance[i, j] = covariance[j, i] = sum / (rows - 1);
            }
        }
        var (values, vectors) = SymmetricEigen.Decompose(covariance);
        var kept = new double[columns, components];
        for (int c = 0; c < components; c++)
        {
            int largest = 0;
            for (int d = 1; d < columns; d++)
                largest = Math.Abs(vectors[d, c]) > Math.Abs(vectors[largest, c]) ? d : largest;
            double sign = vectors[largest, c] < 0 ? -1 : 1;
            for (int d = 0; d < columns; d++)
                kept[d, c] = sign * vectors[d, c];
        }
        var scores = new double[rows, components];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < components; c++)
            {
                double sum = 0;
                for (int d = 0; d < columns; d++)
                    sum += centred[r, d] * kept[d, c];
                scores[r, c] = sum;
            }
        }
        // Rounding can leave a zero eigenvalue a hair below zero; variance cannot be negative.
        var variance = values[..components].Select(v => Math.Max(0, v)).ToArray();
        double total = Enumerable.Range(0, columns).Sum(i => covariance[i, i]);
        return new PrincipalComponents(kept, variance, total, scores);
    }

    private static double[,] Centre(ReadOnlySpan<float> data, int rows, int columns)
    {
        var means = new double[columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
                means[c] += data[r * columns + c];
        }
        for (int c = 0; c < columns; c++)
            means[c] /= rows;
        var centred = new double[rows, columns];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
                centred[r, c] = data[r * columns + c] - means[c];
        }
        return centred;
    }
}
