using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Collab.Training.Blocked;

/// <summary>
/// e^x on four floats, inlined: Cody-Waite reduction x = n·ln 2 + r with |r| ≤ ln 2 / 2, e^r by its Taylor polynomial
/// of degree 6 evaluated in Estrin's scheme (short dependency chains), and 2^n put into the exponent bits. Within 3e-7
/// relative of the true value for x in [−87, 88] (inputs are clamped there, so the result stays a normal float).
/// <see cref="Vector128.Exp(Vector128{float})"/> is a call that widens to double; in fast mode's kernel that call
/// and the registers saved around it cost more than the rest of a rating's scalar work.
/// </summary>
internal static class VectorExp
{
    private const float Log2E = 1.44269504089f;
    private const float Ln2High = 0.693359375f;
    private const float Ln2Low = -2.12194440e-4f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x)
    {
        x = Vector128.Min(Vector128.Max(x, Vector128.Create(-87f)), Vector128.Create(88f));
        var n = Vector128.Round(x * Vector128.Create(Log2E));
        var r = Vector128.FusedMultiplyAdd(n, Vector128.Create(-Ln2Low), Vector128.FusedMultiplyAdd(n, Vector128.Create(-Ln2High), x));
        var r2 = r * r;
        var r4 = r2 * r2;
        var low = Vector128.FusedMultiplyAdd(r2, Vector128.FusedMultiplyAdd(r, Vector128.Create(1f / 6), Vector128.Create(0.5f)), r + Vector128<float>.One);
        var high = Vector128.FusedMultiplyAdd(r2, Vector128.Create(1f / 720), Vector128.FusedMultiplyAdd(r, Vector128.Create(1f / 120), Vector128.Create(1f / 24)));
        var poly = Vector128.FusedMultiplyAdd(r4, high, low);
        return (poly.AsInt32() + Vector128.ShiftLeft(Vector128.ConvertToInt32(n), 23)).AsSingle();
    }
}
