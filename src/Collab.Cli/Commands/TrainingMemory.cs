using System.Globalization;

namespace Collab.Cli.Commands;

/// <summary>A rough upper estimate of the memory a training run's weights need, to refuse absurd settings before they start.</summary>
internal static class TrainingMemory
{
    // A member in training holds its weights, their gradients and Adam's two moments (and exact mode's deferral state).
    private const int CopiesWhileTraining = 5;

    /// <summary>Bytes for <paramref name="members"/> seeds of a dot-bias model with these table sizes (the #na# rows included).</summary>
    public static long Estimate(long users, long items, long factors, int members, int threads)
    {
        double weights = (double)(users + items) * (factors + 1);
        // The first seed trains alone; the others train side by side, one per core, when each uses one thread.
        int concurrent = members > 1 && threads == 1 ? Math.Min(members - 1, Environment.ProcessorCount) : 1;
        double kept = members > 1 ? members * weights : 0;
        double merge = members > 1 ? 2.0 * (users + items) * (factors + 10) : 0;
        double bytes = sizeof(float) * (CopiesWhileTraining * concurrent * weights + kept + merge);
        return bytes >= long.MaxValue ? long.MaxValue : (long)bytes;
    }

    /// <summary>Bytes as "512 MB", "7.5 GB" or "3 TB".</summary>
    public static string Format(long bytes)
    {
        string[] units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"];
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString(value < 10 && unit > 0 ? "0.#" : "0", CultureInfo.InvariantCulture) + " " + units[unit];
    }
}
