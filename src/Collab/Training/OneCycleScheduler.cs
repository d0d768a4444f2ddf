namespace Collab.Training;

/// <summary>Sets each batch's lr and β1 from a <see cref="OneCycleSchedule"/>.</summary>
public sealed class OneCycleScheduler(OneCycleSchedule schedule) : LearnerCallback
{
    /// <summary>Runs before the recorder and the optimizer step.</summary>
    public override int Order => -10;

    /// <inheritdoc />
    public override bool ReadsParametersEachBatch => false;

    /// <inheritdoc />
    public override void BeforeBatch(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        (context.LearningRate, context.Momentum) = schedule.At(context.GlobalBatch);
    }
}
