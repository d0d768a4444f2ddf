namespace Collab.Cli.Benchmarks;

/// <summary>Memory bandwidth on some threads, bytes read plus written per second: array copy and in-place update.</summary>
internal sealed record BandwidthResult(int Threads, double CopyGigabytesPerSecond, double UpdateGigabytesPerSecond);
