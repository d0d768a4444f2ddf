namespace Collab.Training;

/// <summary>
/// Raises a training event on every callback, wrapping what one throws in a <see cref="CallbackException"/> that names it
/// (cancellation and <see cref="TrainingDivergedException"/> pass through as they are).
/// </summary>
internal static class Callbacks
{
    public static void Raise(LearnerCallback[] callbacks, string eventName, Action<LearnerCallback> action) =>
        Raise(callbacks, eventName, action, static (c, a) => a(c));

    /// <summary>The per-batch events pass the context as state: no closure or delegate is allocated per batch.</summary>
    public static void Raise<T>(LearnerCallback[] callbacks, string eventName, T state, Action<LearnerCallback, T> action)
    {
        foreach (var callback in callbacks)
        {
            try
            {
                action(callback, state);
            }
            catch (Exception e) when (e is not OperationCanceledException and not CallbackException and not TrainingDivergedException)
            {
                throw new CallbackException(callback.GetType().Name, eventName, e);
            }
        }
    }
}
