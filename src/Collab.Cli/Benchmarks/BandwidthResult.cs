namespace Collab.Cli.Benchmarks;

/// <summary>
/// The machine's bounds on some threads: memory bandwidth, bytes read plus written per second (array copy and
/// in-place update), and peak FMA arithmetic (<see cref="ComputePeak"/>).
/// </summary>
internal sealed record BandwidthResult(int Threads, double CopyGigabytesPerSecond, double UpdateGigabytesPerSecond, double FmaGigaflopsPerSecond);
