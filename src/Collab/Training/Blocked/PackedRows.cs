using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Collab.Models;

namespace Collab.Training.Blocked;

/// <summary>
/// One table's rows as fast mode trains them: each row starts on a 64-byte line and holds, in order, the k factors
/// zero-padded to a multiple of 8 (<see cref="PaddedFactors"/>), the bias, the row-wise RMSprop second moments of
/// the factors and of the bias, and zeros up to the next line. A rating reads and writes two such records, every
/// float of them in whole lines, instead of a factor row, a bias and a state entry in three arrays.
/// </summary>
internal sealed class PackedRows
{
    private const int FloatsPerLine = 16;

    private readonly float[] _values;
    private readonly int _origin;

    public PackedRows(int rows, int factors)
    {
        Factors = factors;
        PaddedFactors = (factors + 7) / 8 * 8;
        Stride = (PaddedFactors + 3 + FloatsPerLine - 1) / FloatsPerLine * FloatsPerLine;
        // Pinned, so the first line-aligned float stays line-aligned.
        _values = GC.AllocateArray<float>(checked(rows * Stride + FloatsPerLine), pinned: true);
        _origin = (int)((FloatsPerLine - (Marshal.UnsafeAddrOfPinnedArrayElement(_values, 0) & 63) / sizeof(float)) % FloatsPerLine);
    }

    public int Factors { get; }

    public int PaddedFactors { get; }

    /// <summary>Floats from one row to the next (a multiple of 16: whole 64-byte lines).</summary>
    public int Stride { get; }

    public int RowBytes => Stride * sizeof(float);

    /// <summary>Where a row's bias sits; its factors' second moment follows, then its bias's.</summary>
    public int BiasOffset => PaddedFactors;

    public ref float Row(int row) => ref _values[_origin + row * Stride];

    /// <summary>Copies factors and biases in from the model's tables (row <paramref name="rowOf"/>[r] for model row r); the moments stay.</summary>
    public void Load(ParameterTensor factors, ParameterTensor biases, int[] rowOf)
    {
        int k = Factors;
        var f = factors.Values;
        var b = biases.Values;
        for (int r = 0; r < rowOf.Length; r++)
        {
            var row = MemoryMarshal.CreateSpan(ref Row(rowOf[r]), Stride);
            f.AsSpan(r * k, k).CopyTo(row);
            row[BiasOffset] = b[r];
        }
    }

    /// <summary>Copies factors and biases out to the model's tables.</summary>
    public void Store(ParameterTensor factors, ParameterTensor biases, int[] rowOf)
    {
        int k = Factors;
        var f = factors.Values;
        var b = biases.Values;
        for (int r = 0; r < rowOf.Length; r++)
        {
            var row = MemoryMarshal.CreateReadOnlySpan(ref Row(rowOf[r]), Stride);
            row[..k].CopyTo(f.AsSpan(r * k, k));
            b[r] = row[BiasOffset];
        }
    }

    /// <summary>The second moments of each model row's factors (<paramref name="bias"/> false) or bias.</summary>
    public float[] Moments(int[] rowOf, bool bias)
    {
        var moments = new float[rowOf.Length];
        for (int r = 0; r < rowOf.Length; r++)
            moments[r] = Unsafe.Add(ref Row(rowOf[r]), BiasOffset + (bias ? 2 : 1));
        return moments;
    }
}
