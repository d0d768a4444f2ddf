using Collab.Models;

namespace Collab.Training;

/// <summary>
/// Stops a fit the moment it diverges: a non-finite batch loss (checked after every batch, before any display shows
/// it) or, at each epoch's end, a non-finite training or validation loss or weight. It throws
/// <see cref="TrainingDivergedException"/>, which the training loop passes through unwrapped.
/// </summary>
internal sealed class DivergenceGuard(double peakLearningRate) : LearnerCallback
{
    /// <summary>First of all callbacks, so a NaN never reaches the recorder or a display.</summary>
    public override int Order => int.MinValue;

    /// <inheritdoc />
    public override bool ReadsParametersEachBatch => false;

    /// <inheritdoc />
    public override void AfterBatch(TrainingContext context)
    {
        if (!double.IsFinite(context.BatchLoss))
            throw new TrainingDivergedException(context.Epoch, context.Iteration, peakLearningRate, $"the training loss is {Name(context.BatchLoss)}");
    }

    /// <inheritdoc />
    public override void AfterEpoch(TrainingContext context, EpochResult result)
    {
        if (!double.IsFinite(result.TrainLoss))
            throw Diverged(context, $"the training loss is {Name(result.TrainLoss)}");
        if (context.Learner.Data.Valid.Count > 0 && !double.IsFinite(result.ValidLoss))
            throw Diverged(context, $"the validation loss is {Name(result.ValidLoss)}");
        if (FirstNonFinite(context.Learner.Model) is { } table)
            throw Diverged(context, $"weights of the {table} table are NaN or infinite");
    }

    /// <summary>The name of the first parameter table holding a NaN or an infinity, or null when all are finite.</summary>
    internal static string? FirstNonFinite(ICollabModel model)
    {
        foreach (var tensor in model.Parameters)
        {
            foreach (float value in tensor.Values)
            {
                if (!float.IsFinite(value))
                    return tensor.Name;
            }
        }
        return null;
    }

    private TrainingDivergedException Diverged(TrainingContext context, string what) => new(context.Epoch, null, peakLearningRate, what);

    private static string Name(double value) => double.IsNaN(value) ? "NaN" : "infinite";
}
