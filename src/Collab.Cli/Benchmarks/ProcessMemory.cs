using System.Globalization;

namespace Collab.Cli.Benchmarks;

/// <summary>Peak resident memory (VmHWM) and the load average, from Linux's /proc; null elsewhere.</summary>
internal static class ProcessMemory
{
    /// <summary>The peak resident set size in bytes since the start, or since the last <see cref="TryResetPeak"/>.</summary>
    public static long? PeakResidentBytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
            return null;
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        if (line is null)
            return null;
        var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
        return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>Starts a new peak from the current resident size (Linux: "5" to /proc/self/clear_refs); false if not possible.</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages, or null.</summary>
    public static double[]? LoadAverage()
    {
        const string loadavg = "/proc/loadavg";
        if (!File.Exists(loadavg))
            return null;
        return [.. File.ReadAllText(loadavg).Split(' ').Take(3).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
    }
}
