using Collab.Models;
using Collab.Training;

namespace Collab.Tuning;

/// <summary>One point of the search space: the knobs random search varies (everything else is fixed).</summary>
public sealed record TrialSettings(double LearningRate, double WeightDecay, double BiasWeightDecay, int Factors, int Epochs, int BatchSize, double RangeMargin)
{
    /// <summary>The lesson's recipe (5 epochs at 5e-3, wd 0.1 on every table, 50 factors, batch 64, y_range up to max + 0.5).</summary>
    public static TrialSettings Lesson { get; } = new(5e-3, 0.1, 0.1, 50, 5, 64, 0.5);

    /// <summary>The accurate recipe (see <see cref="Recipes.Ensemble"/>): 100 factors, wd 0.6 on factors, 0.01 on biases, y_range up to max + 0.75.</summary>
    public static TrialSettings Accurate { get; } = new(5e-3, 0.6, 0.01, 100, 5, 64, 0.75);

    /// <summary>Training options for these settings: fast mode, one thread, y_range (0, highest rating + margin).</summary>
    public TrainingOptions ToOptions(float highestRating, ulong seed) => new()
    {
        LearningRate = LearningRate,
        WeightDecay = WeightDecay,
        BiasWeightDecay = BiasWeightDecay,
        Factors = Factors,
        Epochs = Epochs,
        BatchSize = BatchSize,
        YRange = new OutputRange(0f, highestRating + (float)RangeMargin),
        Mode = TrainingMode.Fast,
        Threads = 1,
        Seed = seed,
    };
}
