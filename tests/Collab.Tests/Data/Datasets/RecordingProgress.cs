using Collab.Data.Datasets;

namespace Collab.Tests.Data.Datasets;

/// <summary>
/// Records reports synchronously (Progress&lt;T&gt; would post them to the thread pool, racing the asserts)
/// and can run an action on each one.
/// </summary>
internal sealed class RecordingProgress(Action<DownloadProgress>? onReport = null) : IProgress<DownloadProgress>
{
    public List<DownloadProgress> Reports { get; } = [];

    public void Report(DownloadProgress value)
    {
        lock (Reports)
            Reports.Add(value);
        onReport?.Invoke(value);
    }
}
