namespace Collab.Server.Operations;

/// <summary>Lock-free counters of one route: requests by status class and a latency histogram.</summary>
internal sealed class RouteStats
{
    /// <summary>Upper bounds of the latency buckets, in seconds (the last bucket is everything above).</summary>
    public static readonly double[] Bounds = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];

    private readonly long[] _buckets = new long[Bounds.Length + 1];
    private readonly long[] _byClass = new long[6];
    private long _ticks;

    public long Count => _byClass.Sum();

    public double Seconds => TimeSpan.FromTicks(Interlocked.Read(ref _ticks)).TotalSeconds;

    public long ByClass(int statusClass) => Interlocked.Read(ref _byClass[statusClass]);

    public long Bucket(int index) => Interlocked.Read(ref _buckets[index]);

    public void Record(int status, TimeSpan elapsed)
    {
        Interlocked.Increment(ref _byClass[Math.Clamp(status / 100, 0, 5)]);
        Interlocked.Add(ref _ticks, elapsed.Ticks);
        double seconds = elapsed.TotalSeconds;
        int bucket = 0;
        while (bucket < Bounds.Length && seconds > Bounds[bucket])
            bucket++;
        Interlocked.Increment(ref _buckets[bucket]);
    }

    /// <summary>The upper bound of the bucket holding quantile q (an over-estimate, at most one bucket wide).</summary>
    public double Quantile(double q)
    {
        long total = Enumerable.Range(0, _buckets.Length).Sum(Bucket);
        long seen = 0;
        for (int b = 0; b < Bounds.Length; b++)
        {
            seen += Bucket(b);
            if (seen >= q * total)
                return Bounds[b];
        }
        return double.PositiveInfinity;
    }
}
