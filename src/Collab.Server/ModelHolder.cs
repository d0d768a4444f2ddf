namespace Collab.Server;

/// <summary>
/// The model being served. Requests read <see cref="Current"/> once and keep that instance to the end, so a reload
/// swaps the reference atomically: requests already running finish on the old model, new ones get the new one.
/// </summary>
internal sealed class ModelHolder(ServedModel initial, long maxModelBytes, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private ServedModel _current = initial;

    public ServedModel Current => Volatile.Read(ref _current);

    /// <summary>
    /// Reads and prepares a model file off the request path, then swaps it in; a bad file leaves the old model serving.
    /// Only a regular file of at most the cap is read, so a device or FIFO never holds up this or a later reload.
    /// </summary>
    public async Task<ServedModel> ReloadAsync(string? path, CancellationToken cancel) =>
        (await SwapAsync(path, always: true, cancel))!;

    /// <summary>
    /// As <see cref="ReloadAsync"/>, but only when the file's bytes differ from the model served (by checksum); null
    /// when they do not. A file that does not verify (still being written, damaged) throws and changes nothing.
    /// </summary>
    public Task<ServedModel?> ReloadIfChangedAsync(string path, CancellationToken cancel) => SwapAsync(path, always: false, cancel);

    private async Task<ServedModel?> SwapAsync(string? path, bool always, CancellationToken cancel)
    {
        await _reloading.WaitAsync(cancel);
        try
        {
            var old = Current;
            var next = await Task.Run(() =>
            {
                var file = path ?? old.Path;
                var bytes = ServedModel.ReadFile(file, maxModelBytes);
                var checksum = ServedModel.ChecksumOf(bytes);
                return always || checksum != old.Checksum ? ServedModel.Replacing(old, file, checksum, bytes, time.GetUtcNow()) : null;
            }, cancel);
            if (next is not null)
                Volatile.Write(ref _current, next);
            return next;
        }
        finally
        {
            _reloading.Release();
        }
    }

    public void Dispose() => _reloading.Dispose();
}
