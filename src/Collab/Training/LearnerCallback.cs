namespace Collab.Training;

/// <summary>
/// Base class of everything that plugs into the training loop. Every event is a no-op unless overridden;
/// callbacks run in ascending <see cref="Order"/>.
/// </summary>
public abstract class LearnerCallback
{
    /// <summary>Run order; lower runs first. <value>Default: 0.</value></summary>
    public virtual int Order => 0;

    /// <summary>
    /// Whether <see cref="BeforeBatch"/> or <see cref="AfterBatch"/> read the model's parameters or the optimizer's
    /// moments. Exact mode defers the zero-gradient updates of embedding rows a batch did not touch, and brings
    /// every row up to date before epoch ends, validation and the end of a fit; while a callback returning true
    /// is attached it also does so after every batch, which costs about one dense Adam pass per batch.
    /// <value>Default: true (always correct); callbacks that read only losses, predictions or the schedule return false.</value>
    /// </summary>
    public virtual bool ReadsParametersEachBatch => true;

    /// <summary>Before the first epoch.</summary>
    public virtual void BeforeFit(TrainingContext context) { }

    /// <summary>Before each epoch.</summary>
    public virtual void BeforeEpoch(TrainingContext context) { }

    /// <summary>Before each training batch (the schedule sets lr and momentum here).</summary>
    public virtual void BeforeBatch(TrainingContext context) { }

    /// <summary>After each training batch's optimizer step.</summary>
    public virtual void AfterBatch(TrainingContext context) { }

    /// <summary>After each epoch's validation.</summary>
    public virtual void AfterEpoch(TrainingContext context, EpochResult result) { }

    /// <summary>After the fit, also when it was stopped early.</summary>
    public virtual void AfterFit(TrainingContext context, FitResult result) { }
}
