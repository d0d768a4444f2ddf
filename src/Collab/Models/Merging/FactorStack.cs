using System.Numerics.Tensors;

namespace Collab.Models.Merging;

/// <summary>
/// The factor tables of several models side by side, read as one wide matrix w·[T₁ … T_M] (rows × Σk). The wide
/// rows are built a block at a time, so the products a randomized SVD needs run as long dot products and
/// multiply-adds over whole wide rows (a tenth of the calls of working member by member) without ever holding a
/// copy of all the tables.
/// </summary>
internal sealed class FactorStack
{
    private const int BlockRows = 128;
    private readonly ParameterTensor[] _tables;
    private readonly float _weight;
    private readonly ParallelOptions _parallel;

    public FactorStack(IEnumerable<ParameterTensor> tables, float weight, int threads)
    {
        _tables = [.. tables];
        if (_tables.Length == 0 || _tables.Any(t => t.Rows != _tables[0].Rows))
            throw new ArgumentException("The stacked tables must be non-empty and have the same rows.", nameof(tables));
        Width = _tables.Sum(t => t.Columns);
        _weight = weight;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = threads };
    }

    public int Rows => _tables[0].Rows;

    public int Width { get; }

    private int Blocks => (Rows + BlockRows - 1) / BlockRows;

    /// <summary>(Rows × cols) = this · Z, with Z given transposed: <paramref name="zT"/> is cols × Width, row-major.</summary>
    public float[] Times(float[] zT, int cols)
    {
        var result = new float[Rows * cols];
        Parallel.For(0, Blocks, _parallel, () => new float[BlockRows * Width], (block, _, wide) =>
        {
            int start = block * BlockRows, count = Gather(start, wide);
            for (int r = 0; r < count; r++)
            {
                var row = wide.AsSpan(r * Width, Width);
                for (int j = 0; j < cols; j++)
                    result[(start + r) * cols + j] = TensorPrimitives.Dot(row, zT.AsSpan(j * Width, Width));
            }
            return wide;
        }, _ => { });
        return result;
    }

    /// <summary>(cols × Width) = Yᵀ · this, with <paramref name="y"/> Rows × cols, row-major.</summary>
    public float[] TransposeTimes(float[] y, int cols)
    {
        var result = new float[cols * Width];
        int shares = Math.Min(_parallel.MaxDegreeOfParallelism, cols);
        // Each share owns a band of result rows, so no two threads write the same row.
        Parallel.For(0, shares, _parallel, share =>
        {
            var wide = new float[BlockRows * Width];
            for (int block = 0; block < Blocks; block++)
            {
                int start = block * BlockRows, count = Gather(start, wide);
                for (int j = cols * share / shares; j < cols * (share + 1) / shares; j++)
                {
                    var target = result.AsSpan(j * Width, Width);
                    for (int r = 0; r < count; r++)
                    {
                        float scale = y[(start + r) * cols + j];
                        if (scale != 0)
                            TensorPrimitives.MultiplyAdd(wide.AsSpan(r * Width, Width), scale, target, target);
                    }
                }
            }
        });
        return result;
    }

    // Copies rows start.. of every table side by side into wide, scaled by the weight; returns the rows copied.
    private int Gather(int start, float[] wide)
    {
        int count = Math.Min(BlockRows, Rows - start);
        for (int r = 0; r < count; r++)
        {
            int offset = r * Width;
            foreach (var table in _tables)
            {
                TensorPrimitives.Multiply(table.Row(start + r), _weight, wide.AsSpan(offset, table.Columns));
                offset += table.Columns;
            }
        }
        return count;
    }
}
