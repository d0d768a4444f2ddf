using System.Numerics.Tensors;
using Collab.Models;

namespace Collab.Recommend;

/// <summary>
/// A factor table stored column-major (factor c of every row is one contiguous span), so scoring every row
/// against a query is k SIMD multiply-adds over long spans instead of one short dot product per row.
/// </summary>
internal sealed class FactorColumns
{
    private readonly float[] _columns;
    private readonly float[] _norms;

    public FactorColumns(ParameterTensor table)
    {
        Rows = table.Rows;
        Factors = table.Columns;
        _columns = new float[Rows * Factors];
        _norms = new float[Rows];
        for (int r = 0; r < Rows; r++)
        {
            var row = table.Row(r);
            for (int c = 0; c < Factors; c++)
                _columns[c * Rows + r] = row[c];
            _norms[r] = TensorPrimitives.Norm(row);
        }
    }

    public int Rows { get; }

    public int Factors { get; }

    /// <summary>Euclidean length of each row.</summary>
    public ReadOnlySpan<float> Norms => _norms;

    /// <summary>scores[r] += query · row r, for every row.</summary>
    public void AddDots(ReadOnlySpan<float> query, Span<float> scores)
    {
        for (int c = 0; c < Factors; c++)
            TensorPrimitives.MultiplyAdd(_columns.AsSpan(c * Rows, Rows), query[c], scores, scores);
    }
}
