namespace Collab.Cli.Benchmarks;

/// <summary>
/// Reading the CSV: the best run's wall time and processor time (all threads; unlike wall time, barely
/// affected by other processes on the machine), and the peak resident memory of the first read.
/// </summary>
internal sealed record LoadResult(
    string File, bool Synthetic, long Bytes, int Rows, int Users, int Items, double Seconds, double CpuSeconds, double MegabytesPerSecond, long? PeakResidentBytes);
