namespace Collab.Data.Datasets;

/// <summary>Progress of a dataset download.</summary>
/// <param name="Dataset">The name of the dataset being downloaded.</param>
/// <param name="BytesDone">Bytes received so far.</param>
/// <param name="TotalBytes">The size of the download when the server announced it, otherwise null.</param>
public readonly record struct DownloadProgress(string Dataset, long BytesDone, long? TotalBytes)
{
    /// <summary>The fraction done in [0, 1], or null when the total is unknown.</summary>
    public double? Fraction => TotalBytes is long total && total > 0 ? (double)BytesDone / total : null;
}
