using Collab.Models;
using Collab.Training.Bayesian;

namespace Collab.Training;

/// <summary>
/// Named training recipes. <see cref="Accurate"/>, the default of <c>collab train</c> on ratings, is the Bayesian
/// factorization machine, chosen by nested cross-validation (docs/accuracy.md). <see cref="Ensemble"/> is the dot
/// model's best: <see cref="EnsembleMembers"/> seeds merged into one model (<see cref="SeedEnsemble"/>).
/// <see cref="Lesson"/> is the lesson's ML-100k recipe and <see cref="Fastai"/> fastai's own defaults, as the lesson
/// runs them on its sample.
/// </summary>
public static class Recipes
{
    /// <summary>Seeds the ensemble recipe trains and merges.</summary>
    public const int EnsembleMembers = 10;

    /// <summary>The name of the most accurate recipe of the dot model: <see cref="EnsembleMembers"/> seeds merged.</summary>
    public const string DotEnsemble = "ensemble";

    /// <summary>The recipe names <see cref="Named"/> knows, the default first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["accurate", DotEnsemble, "lesson", "fastai"];

    /// <summary>The lesson's recipe: 50 factors, y_range (0, 5.5), 5 epochs of one cycle at 5e-3, wd 0.1, batch 64, exact mode.</summary>
    public static TrainingOptions Lesson { get; } = new() { Epochs = 5, WeightDecay = 0.1 };

    /// <summary>fastai's defaults with the lesson's y_range and lr: 50 factors, 3 epochs at 5e-3, wd 0.01, exact mode.</summary>
    public static TrainingOptions Fastai { get; } = new();

    /// <summary>
    /// The default of <c>collab train</c> on ratings: the Bayesian factorization machine (rank 20, 256 Gibbs sweeps,
    /// rated-item and rater sets, attributes when given), chosen by nested cross-validation (docs/accuracy.md).
    /// </summary>
    public static TrainingOptions Accurate { get; } = new()
    {
        Model = ModelKind.Bayes,
        YRange = null,
        Bayes = new BayesOptions { Rank = 20 },
    };

    /// <summary>
    /// The command line keeps <see cref="Ensemble"/> as its default above this many ratings, where the Gibbs chain
    /// of <see cref="Accurate"/> would take minutes (docs/accuracy.md).
    /// </summary>
    public const int AccurateRatingsLimit = 1_000_000;

    /// <summary>
    /// The command line keeps <see cref="Ensemble"/> as its default below this many ratings: on the MovieLens sample
    /// (6,031 ratings) the dot ensemble is the more accurate (docs/accuracy.md).
    /// </summary>
    public const int AccurateRatingsMinimum = 20_000;

    /// <summary>
    /// The dot model's most accurate recipe: fast mode (one thread per member), 100 factors, y_range (0, 5.75),
    /// 5 epochs at 5e-3, wd 0.6 on the factor tables and 0.01 on the bias tables, batch 64; <see cref="EnsembleMembers"/>
    /// seeds merged.
    /// </summary>
    public static TrainingOptions Ensemble { get; } = new()
    {
        Factors = 100,
        YRange = new OutputRange(0f, 5.75f),
        Epochs = 5,
        WeightDecay = 0.6,
        BiasWeightDecay = 0.01,
        Mode = TrainingMode.Fast,
        Threads = 1,
    };

    /// <summary>
    /// The starting settings of each model kind when no recipe is named: fastai's defaults for the rating models
    /// (dot, nn), <see cref="Accurate"/> for bayes, a ranking recipe for bpr and bce (no output range, 20 epochs, lr 1e-2, wd 0.1), and the kind's own
    /// options for the models that are not trained by gradient descent (ials, ease).
    /// </summary>
    public static TrainingOptions ForModel(ModelKind kind) => kind switch
    {
        ModelKind.Dot or ModelKind.Nn => Fastai with { Model = kind },
        ModelKind.Bayes => Accurate,
        ModelKind.Bpr or ModelKind.Bce => new TrainingOptions { Model = kind, YRange = null, Epochs = 20, LearningRate = 1e-2, WeightDecay = 0.1 },
        _ => new TrainingOptions { Model = kind, YRange = null },
    };

    /// <summary>Looks a recipe up by name (see <see cref="Names"/>), ignoring case: its options and how many seeds it merges.</summary>
    public static (TrainingOptions Options, int Members) Named(string name) => name.ToLowerInvariant() switch
    {
        "accurate" => (Accurate, 1),
        DotEnsemble => (Ensemble, EnsembleMembers),
        "lesson" => (Lesson, 1),
        "fastai" => (Fastai, 1),
        _ => throw new ArgumentException($"Unknown recipe '{name}'; use {string.Join(", ", Names.Select(n => $"'{n}'"))}."),
    };
}
