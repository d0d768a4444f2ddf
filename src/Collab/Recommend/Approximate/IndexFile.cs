using System.Security.Cryptography;
using System.Runtime.InteropServices;
using Cloud.Unum.USearch;

namespace Collab.Recommend.Approximate;

/// <summary>
/// Keeps a built index between runs in a file named by a fingerprint of what it was built from (the vectors, their
/// rows, the metric and the build settings), so a file left from another model or other settings is never used.
/// </summary>
internal static class IndexFile
{
    /// <summary>
    /// The index for these vectors: opened from its file under <paramref name="prefix"/> (<see cref="ApproximateOptions.IndexPath"/>;
    /// null keeps it in memory) when one was saved, else built and saved; <paramref name="name"/> says which index it is.
    /// </summary>
    public static VectorIndex OpenOrBuild(string? prefix, string name, MetricKind metric, float[][] vectors, int[] rows, ApproximateOptions options)
    {
        if (prefix is null)
            return new VectorIndex(metric, vectors, rows, options);
        string path = $"{prefix}.{name}-{Fingerprint(metric, vectors, rows, options)}.usearch";
        if (File.Exists(path))
            return VectorIndex.Open(path);
        var index = new VectorIndex(metric, vectors, rows, options);
        try
        {
            string temporary = path + ".tmp";
            index.Save(temporary);
            File.Move(temporary, path, overwrite: true);
            // An index of an older model or other settings is of no further use.
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            foreach (var stale in Directory.EnumerateFiles(folder, $"{Path.GetFileName(prefix)}.{name}-*.usearch").Where(f => f != Path.GetFullPath(path)))
                File.Delete(stale);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or USearchException)
        {
            // A read-only folder only costs the next run another build.
        }
        return index;
    }

    private static string Fingerprint(MetricKind metric, float[][] vectors, int[] rows, ApproximateOptions options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(MemoryMarshal.AsBytes<int>([(int)metric, options.Connectivity, options.ExpansionAdd, options.ExpansionSearch, options.HalfPrecision ? 1 : 0, vectors.Length]));
        hash.AppendData(MemoryMarshal.AsBytes<int>(rows));
        foreach (var vector in vectors)
            hash.AppendData(MemoryMarshal.AsBytes<float>(vector));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }
}
