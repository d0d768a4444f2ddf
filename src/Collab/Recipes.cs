using Collab.Models;
using Collab.Training;

namespace Collab;

/// <summary>
/// Named training recipes. <see cref="Lesson"/> is the fastai lesson's; <see cref="Accurate"/> was chosen by
/// cross-validation on training rows only (docs/accuracy.md) and is most accurate averaged over a few seeds
/// (<see cref="SeedEnsemble"/>, <see cref="AccurateMembers"/> members).
/// </summary>
public static class Recipes
{
    /// <summary>Seeds the accurate recipe averages.</summary>
    public const int AccurateMembers = 10;

    /// <summary>The lesson's recipe: 50 factors, y_range (0, 5.5), 5 epochs of one cycle at 5e-3, wd 0.1, batch 64, exact mode.</summary>
    public static TrainingOptions Lesson { get; } = new() { Epochs = 5, WeightDecay = 0.1 };

    /// <summary>
    /// Fast mode (one thread), 100 factors, y_range (0, 5.75), 5 epochs at 5e-3, wd 0.6 on the factor tables and 0.01
    /// on the bias tables, batch 64.
    /// </summary>
    public static TrainingOptions Accurate { get; } = new()
    {
        Factors = 100,
        YRange = new OutputRange(0f, 5.75f),
        Epochs = 5,
        WeightDecay = 0.6,
        BiasWeightDecay = 0.01,
        Mode = TrainingMode.Fast,
        Threads = 1,
    };

    /// <summary>Looks a recipe up by name (lesson, accurate), ignoring case.</summary>
    public static TrainingOptions Named(string name) => name.ToLowerInvariant() switch
    {
        "lesson" => Lesson,
        "accurate" => Accurate,
        _ => throw new ArgumentException($"Unknown recipe '{name}'; use 'lesson' or 'accurate'."),
    };
}
