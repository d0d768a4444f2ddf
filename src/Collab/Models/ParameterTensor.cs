namespace Collab.Models;

/// <summary>
/// One trainable table stored flat and row-major (rows x columns): its values and the gradient the last
/// batch accumulated into it. Row r is <c>Values.AsSpan(r * Columns, Columns)</c>.
/// </summary>
public sealed class ParameterTensor
{
    private float[]? _gradients;

    /// <summary>Creates a zero-filled tensor.</summary>
    public ParameterTensor(string name, int rows, int columns, bool decayWeights = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        Name = name;
        Rows = rows;
        Columns = columns;
        DecayWeights = decayWeights;
        Values = new float[rows * columns];
    }

    // A table over weights computed elsewhere (a closed-form model), without copying them.
    internal ParameterTensor(string name, int rows, int columns, float[] values)
    {
        if (values.Length != (long)rows * columns)
            throw new ArgumentException($"{values.Length} values do not fill {rows}x{columns}.", nameof(values));
        Name = name;
        Rows = rows;
        Columns = columns;
        DecayWeights = false;
        Values = values;
    }

    /// <summary>The name (used in model files and error messages).</summary>
    public string Name { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Whether weight decay applies to this tensor (fastai decays all four dot-model tables).</summary>
    public bool DecayWeights { get; }

    /// <summary>The parameter values.</summary>
    public float[] Values { get; }

    /// <summary>
    /// The gradient accumulated by the current batch; the optimizer clears it. Allocated on first use (thread-safely),
    /// so a model that is only used to predict (loaded, merged) never holds one.
    /// </summary>
    public float[] Gradients => Volatile.Read(ref _gradients) ?? AllocateGradients();

    /// <summary>Frees the gradient buffer of a tensor that is done training (it comes back, zeroed, if trained again).</summary>
    public void ReleaseGradients() => _gradients = null;

    /// <summary>One row of values.</summary>
    public Span<float> Row(int row) => Values.AsSpan(row * Columns, Columns);

    // Every thread racing here gets the one buffer that won.
    private float[] AllocateGradients()
    {
        Interlocked.CompareExchange(ref _gradients, new float[Values.Length], null);
        return _gradients!;
    }
}
