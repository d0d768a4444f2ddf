namespace Collab.Numerics;

/// <summary>
/// Standard normal draws addressed by a key instead of a position in a stream: the same (seed, a, b, c) gives the same
/// draw on any thread, so work split across threads in any way draws exactly what one thread would.
/// </summary>
internal static class CounterNormal
{
    public static double Draw(ulong seed, ulong a, ulong b, ulong c)
    {
        ulong state = Mix(Mix(Mix(seed ^ 0x9E3779B97F4A7C15UL) ^ a) ^ (b * 0xBF58476D1CE4E5B9UL)) ^ (c * 0x94D049BB133111EBUL);
        ulong first = Mix(state), second = Mix(state ^ 0xD1B54A32D192ED03UL);
        double u1 = 1.0 - (first >> 11) * (1.0 / (1UL << 53));
        double u2 = (second >> 11) * (1.0 / (1UL << 53));
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    // SplitMix64's finaliser: every input bit affects every output bit.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
