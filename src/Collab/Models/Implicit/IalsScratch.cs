namespace Collab.Models.Implicit;

/// <summary>
/// One worker's buffers for conjugate-gradient row solves: the residual, direction and A·p vectors, and the row's
/// observed factor rows packed contiguously (gathered once, then read by every CG step from cache instead of
/// gathered from the whole table again each step).
/// </summary>
internal sealed class IalsScratch(int factors)
{
    private float[] _packed = new float[factors * 16];

    public float[] Vectors { get; } = new float[3 * factors];

    /// <summary>A buffer of at least <paramref name="length"/> floats (grown by doubling, never shrunk).</summary>
    public Span<float> Packed(int length)
    {
        if (_packed.Length < length)
            _packed = new float[Math.Max(length, 2 * _packed.Length)];
        return _packed.AsSpan(0, length);
    }
}
