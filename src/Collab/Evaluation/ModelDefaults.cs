using Collab.Training;
using Collab.Models;

namespace Collab.Evaluation;

/// <summary>The training recipe each model starts from when the caller does not override it.</summary>
public static class ModelDefaults
{
    /// <summary>
    /// Dot and neural: the lesson's recipe (<see cref="TrainingOptions"/> defaults). BPR and BCE: raw scores (no
    /// range) with the epochs, lr and weight decay chosen by measurement on ml-latest-small (docs/evaluation.md).
    /// </summary>
    public static TrainingOptions For(ModelKind kind) => kind switch
    {
        ModelKind.Bpr or ModelKind.Bce => new TrainingOptions { YRange = null, Epochs = 20, LearningRate = 1e-2, WeightDecay = 0.1 },
        _ => new TrainingOptions(),
    };
}
