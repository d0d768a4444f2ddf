using System.Numerics.Tensors;
using Collab.Models;

namespace Collab.Recommend;

/// <summary>
/// A factor table stored column-major (factor c of every row is one contiguous span), so scoring every row
/// against a query is k SIMD multiply-adds over long spans instead of one short dot product per row.
/// </summary>
internal sealed class FactorColumns
{
    // Scores of one tile for a whole block: 32k floats = 128 KB, inside a core's L2 (hand-written register
    // blocking measured only about 20% faster on batches, and slower for one user; not worth its own kernel).
    private const int TileFloats = 32 * 1024;

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

    /// <summary>
    /// The same for a block of queries (row-major, queries x k) into a block of scores (queries x rows). Rows are
    /// taken in tiles small enough that the block's scores for a tile stay in the core's cache while every factor
    /// column of the tile is applied, so the table is read from memory once per block rather than once per query.
    /// </summary>
    public void AddDots(ReadOnlySpan<float> queries, int count, Span<float> scores)
    {
        int tile = Math.Max(256, TileFloats / Math.Max(1, count));
        for (int start = 0; start < Rows; start += tile)
        {
            int length = Math.Min(tile, Rows - start);
            for (int c = 0; c < Factors; c++)
            {
                var column = _columns.AsSpan(c * Rows + start, length);
                for (int q = 0; q < count; q++)
                {
                    var target = scores.Slice(q * Rows + start, length);
                    TensorPrimitives.MultiplyAdd(column, queries[q * Factors + c], target, target);
                }
            }
        }
    }
}
