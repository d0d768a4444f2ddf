using Collab.Persistence;

namespace Collab.Server;

/// <summary>
/// Rolls a new model out to this replica: watches the options' model path (a file system watcher, and a poll for file
/// systems that raise no events) and, when the file there changes, swaps it in once it reads as a valid model. A file
/// still being written, or damaged, fails its checksum and is retried on the next event or poll; the old model keeps
/// serving meanwhile. Replace the file atomically (write beside it, then rename) and every replica converges on it.
/// </summary>
internal sealed class ModelWatcher(ModelHolder models, CollabServerOptions options, TimeProvider time, ILogger<ModelWatcher> log) : BackgroundService
{
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Unset at first, so the first poll compares checksums: a change between start-up and the watcher is not missed.
    private (long Length, DateTime WrittenAt) _checked;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = Path.GetFullPath(options.ModelPath);
        using var watcher = new FileSystemWatcher(Path.GetDirectoryName(path)!, Path.GetFileName(path))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        watcher.Changed += (_, _) => Wake();
        watcher.Created += (_, _) => Wake();
        watcher.Renamed += (_, _) => Wake();
        watcher.Error += (_, _) => Wake();
        watcher.EnableRaisingEvents = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = Volatile.Read(ref _changed);
            await Task.WhenAny(changed.Task, Task.Delay(options.ModelPollInterval, time, stoppingToken));
            if (stoppingToken.IsCancellationRequested)
                return;
            // A fresh signal before the check, so an event raised during it wakes the next round.
            Interlocked.CompareExchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously), changed);
            await CheckAsync(path, stoppingToken);
        }
    }

    private void Wake() => Volatile.Read(ref _changed).TrySetResult();

    private async Task CheckAsync(string path, CancellationToken cancel)
    {
        // Size and modification time first, so a poll of an unchanged file does not read (and hash) all of it.
        var stamp = Stamp(path);
        if (stamp == _checked)
            return;
        try
        {
            if (await models.ReloadIfChangedAsync(path, cancel) is { } next)
                log.LogWarning("Model {Path} changed on disk; now serving SHA-256 {Checksum}.", path, next.Checksum);
            _checked = stamp;
        }
        catch (Exception e) when (e is ModelFileException or IOException or UnauthorizedAccessException)
        {
            // Not (yet) a whole valid model: the stamp stays unchecked, so the next event or poll tries again.
            log.LogInformation("Model {Path} changed but does not verify yet; the old model keeps serving: {Reason}", path, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A file that reads as a model but cannot be prepared for serving; the watcher must outlive it.
            log.LogError(e, "Model {Path} changed but could not be prepared for serving; the old model keeps serving.", path);
        }
    }

    private static (long, DateTime) Stamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? (file.Length, file.LastWriteTimeUtc) : (-1, default);
    }
}
