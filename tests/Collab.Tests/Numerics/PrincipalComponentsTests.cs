using Collab.Numerics;
using Collab.Tests.Support;
using MathNet.Numerics.LinearAlgebra;

namespace Collab.Tests.Numerics;

public sealed class PrincipalComponentsTests
{
    private const int Rows = 40;
    private const int Columns = 6;

    [Fact]
    public void Components_are_orthonormal_and_explain_variance_in_decreasing_order()
    {
        var pca = PrincipalComponents.Compute(Data(), Rows, Columns, Columns);
        for (int a = 0; a < Columns; a++)
        {
            for (int b = 0; b < Columns; b++)
            {
                double dot = Enumerable.Range(0, Columns).Sum(d => pca.Loading(a, d) * pca.Loading(b, d));
                Close.Equal(a == b ? 1 : 0, dot, 1e-10, $"component {a} · component {b}");
            }
        }
        Assert.True(pca.Variance.Zip(pca.Variance.Skip(1)).All(p => p.First >= p.Second));
        Close.Equal(pca.TotalVariance, pca.Variance.Sum(), 1e-9, "all components together explain all variance");
    }

    [Fact]
    public void Variances_components_and_scores_match_an_independent_svd_of_the_centred_data()
    {
        var data = Data();
        var pca = PrincipalComponents.Compute(data, Rows, Columns, 3);

        var x = Matrix<double>.Build.Dense(Rows, Columns, (r, c) => data[r * Columns + c]);
        var means = x.ColumnSums() / Rows;
        var centred = Matrix<double>.Build.Dense(Rows, Columns, (r, c) => x[r, c] - means[c]);
        var svd = centred.Svd(computeVectors: true);
        for (int c = 0; c < 3; c++)
        {
            Close.Equal(svd.S[c] * svd.S[c] / (Rows - 1), pca.Variance[c], 1e-9, $"variance {c}");
            // Components are defined up to sign: align with the SVD's before comparing.
            double sign = Math.Sign(Enumerable.Range(0, Columns).Sum(d => pca.Loading(c, d) * svd.VT[c, d]));
            for (int d = 0; d < Columns; d++)
                Close.Equal(svd.VT[c, d], sign * pca.Loading(c, d), 1e-8, $"component {c}[{d}]");
            var scores = centred * svd.VT.Row(c);
            for (int r = 0; r < Rows; r++)
                Close.Equal(scores[r], sign * pca.Score(r, c), 1e-8, $"score of row {r} on component {c}");
        }
    }

    [Fact]
    public void Data_on_a_line_has_one_component_with_all_the_variance()
    {
        var data = new float[20 * 3];
        for (int r = 0; r < 20; r++)
            (data[r * 3], data[r * 3 + 1], data[r * 3 + 2]) = (r, 2 * r, -r);
        var pca = PrincipalComponents.Compute(data, 20, 3, 2);
        Close.Equal(1, pca.ExplainedRatio[0], 1e-9, "share of the first component");
        Close.Equal(0, pca.Variance[1], 1e-9, "variance of the second");
        Close.Equal(2 / Math.Sqrt(6), pca.Loading(0, 1), 1e-9, "largest loading, made positive");
    }

    private static float[] Data()
    {
        // Correlated columns with distinct spreads, so the eigenvalues are well separated.
        var random = new SeededRandom(3);
        var data = new float[Rows * Columns];
        for (int r = 0; r < Rows; r++)
        {
            double a = random.NextGaussian(), b = random.NextGaussian();
            for (int c = 0; c < Columns; c++)
                data[r * Columns + c] = (float)((c + 1) * a + (c % 2 == 0 ? 2 * b : -b) + 0.3 * random.NextGaussian());
        }
        return data;
    }
}
