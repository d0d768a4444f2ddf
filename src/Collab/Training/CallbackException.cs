namespace Collab.Training;

/// <summary>A callback failed; the message names the callback and the event.</summary>
public sealed class CallbackException(string callback, string trainingEvent, Exception inner)
    : Exception($"The training callback {callback} failed in {trainingEvent}: {inner.Message}", inner)
{
    /// <summary>The callback's type name.</summary>
    public string Callback { get; } = callback;

    /// <summary>The event it failed in.</summary>
    public string Event { get; } = trainingEvent;
}
