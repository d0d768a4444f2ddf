using Collab.Numerics;

namespace Collab.Data.Synthetic;

/// <summary>
/// Draws an index with probability proportional to its weight in constant time (Walker's alias method,
/// built with Vose's stable procedure): one 64-bit random number picks a slot and decides between the slot
/// and its alias.
/// </summary>
internal sealed class AliasSampler
{
    private readonly uint[] _threshold;
    private readonly int[] _alias;

    public AliasSampler(ReadOnlySpan<double> weights)
    {
        int n = weights.Length;
        ArgumentOutOfRangeException.ThrowIfZero(n);
        double total = 0;
        foreach (var w in weights)
            total += w;
        var scaled = new double[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (int i = n - 1; i >= 0; i--)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }
        _threshold = new uint[n];
        _alias = new int[n];
        while (small.Count > 0 && large.Count > 0)
        {
            int s = small.Pop();
            int l = large.Peek();
            _threshold[s] = ToThreshold(scaled[s]);
            _alias[s] = l;
            scaled[l] -= 1 - scaled[s];
            if (scaled[l] < 1)
                small.Push(large.Pop());
        }
        foreach (var i in large.Concat(small))
        {
            _threshold[i] = uint.MaxValue;
            _alias[i] = i;
        }
    }

    /// <summary>Number of indices.</summary>
    public int Count => _alias.Length;

    /// <summary>Draws one index: the high 32 bits choose the slot, the low 32 bits the side.</summary>
    public int Next(SeededRandom random)
    {
        ulong bits = random.NextUInt64();
        int slot = (int)(((bits >> 32) * (ulong)_alias.Length) >> 32);
        return (uint)bits < _threshold[slot] ? slot : _alias[slot];
    }

    private static uint ToThreshold(double probability) =>
        probability >= 1 ? uint.MaxValue : (uint)(probability * 4294967296.0);
}
