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
    public async Task<ServedModel> ReloadAsync(string? path, CancellationToken cancel)
    {
        await _reloading.WaitAsync(cancel);
        try
        {
            var old = Current;
            var next = await Task.Run(() => ServedModel.Load(path ?? old.Path, maxModelBytes, old.Items, time.GetUtcNow(), old.Approximate), cancel);
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
