namespace Collab.Data.Datasets;

/// <summary>
/// A dataset cannot be used: its name is unknown, or its files are not on disk and could not be downloaded.
/// The message says what is missing and how to get it by hand.
/// </summary>
public sealed class DatasetUnavailableException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public DatasetUnavailableException()
        : this("The dataset is not available.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is missing and what to do.</param>
    public DatasetUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure that caused it.</summary>
    /// <param name="message">What is missing and what to do.</param>
    /// <param name="innerException">The underlying failure, e.g. a network error.</param>
    public DatasetUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The requested dataset name.</summary>
    public string? DatasetName { get; init; }

    /// <summary>The file that was looked for and not found, when that is the problem.</summary>
    public string? MissingPath { get; init; }

    /// <summary>Where the dataset can be downloaded by hand, when it is a known one.</summary>
    public Uri? DownloadUrl { get; init; }

    internal static DatasetUnavailableException Unknown(string name, IEnumerable<string> knownNames) =>
        new($"Unknown dataset '{name}'. Known datasets: {string.Join(", ", knownNames)}.") { DatasetName = name };

    /// <summary>Not on disk and downloading is off: name the file, the zip and where to unzip it.</summary>
    internal static DatasetUnavailableException Missing(
        string name, string missingPath, Uri url, string unzipInto, string folderHint, Exception? inner = null) =>
        new($"Dataset '{name}' is not available offline: {missingPath} not found.{Environment.NewLine}"
            + HandInstructions(url, unzipInto, folderHint), inner)
        {
            DatasetName = name,
            MissingPath = missingPath,
            DownloadUrl = url,
        };

    /// <summary>Downloading was tried and failed for a reason outside our control (network, server).</summary>
    internal static DatasetUnavailableException DownloadFailed(
        string name, Uri url, string reason, string unzipInto, string folderHint, Exception? inner = null) =>
        new($"Dataset '{name}' could not be downloaded from {url}: {reason}{Environment.NewLine}"
            + HandInstructions(url, unzipInto, folderHint), inner)
        {
            DatasetName = name,
            DownloadUrl = url,
        };

    private static string HandInstructions(Uri url, string unzipInto, string folderHint) =>
        $"Download {url} and unzip it into {unzipInto} (or set {DatasetStoreOptions.DataDirectoryVariable} "
        + $"to a folder that holds {folderHint}).";
}
