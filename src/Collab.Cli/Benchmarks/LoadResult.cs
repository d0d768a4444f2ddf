namespace Collab.Cli.Benchmarks;

/// <summary>Reading the CSV: best of the runs, and the peak resident memory while reading.</summary>
internal sealed record LoadResult(string File, bool Synthetic, long Bytes, int Rows, int Users, int Items, double Seconds, double MegabytesPerSecond, long? PeakResidentBytes);
