using System.Text.Json;
using Collab.Data;
using Collab.Models;
using Collab.Models.Implicit;
using Collab.Models.Neural;
using Collab.Persistence;
using Collab.Training.Bayesian;
using Collab.Training.Optimizers;

namespace Collab.Training;

/// <summary>The whole recipe of one training run, with fastai's (or the lesson's) defaults.</summary>
public sealed record TrainingOptions
{
    /// <summary>How each epoch draws its training rows. <value>Default: <see cref="RowSampling.Permutation"/>; fastai 2.7.18 samples <see cref="RowSampling.WithReplacement"/>.</value></summary>
    public RowSampling Sampling { get; init; } = RowSampling.Permutation;

    /// <summary>The kind of model to train. <value>Default: <see cref="ModelKind.Dot"/>.</value></summary>
    public ModelKind Model { get; init; } = ModelKind.Dot;

    /// <summary>
    /// When true, a <see cref="YRange"/> that does not fit the training ratings' scale (ratings outside it, or a scale
    /// less than half its width) is replaced by the data's minimum and maximum widened by the same margins the range
    /// leaves around MovieLens's 0.5-5 stars. Set false to keep <see cref="YRange"/> as given.
    /// <value>Default: true.</value>
    /// </summary>
    public bool FitYRangeToData { get; init; } = true;

    /// <summary>The neural model's layers and embedding sizes (used when <see cref="Model"/> is nn). <value>Default: fastai's.</value></summary>
    public EmbeddingNNOptions Neural { get; init; } = new();

    /// <summary>Implicit ALS's settings (used when <see cref="Model"/> is ials; its factors, seed and threads come from these options). <value>Default: <see cref="IalsOptions"/>'s.</value></summary>
    public IalsOptions Ials { get; init; } = new();

    /// <summary>The Bayesian factorization machine's settings (used when <see cref="Model"/> is bayes; its seed and threads come from these options). <value>Default: <see cref="BayesOptions"/>'s.</value></summary>
    public BayesOptions Bayes { get; init; } = new();

    /// <summary>EASE's settings (used when <see cref="Model"/> is ease). <value>Default: <see cref="EaseOptions"/>'s.</value></summary>
    public EaseOptions Ease { get; init; } = new();

    /// <summary>The ranking loss's negatives (used for bpr and bce). <value>Default: <see cref="ImplicitOptions"/>'s.</value></summary>
    public ImplicitOptions Implicit { get; init; } = new();

    /// <summary>Latent factors. <value>Default: 50.</value></summary>
    public int Factors { get; init; } = CollabDefaults.Factors;

    /// <summary>Output range. <value>Default: (0, 5.5).</value></summary>
    public OutputRange? YRange { get; init; } = OutputRange.Lesson;

    /// <summary>Epochs of one-cycle training. <value>Default: 3.</value></summary>
    public int Epochs { get; init; } = CollabDefaults.Epochs;

    /// <summary>Peak learning rate. <value>Default: 5e-3.</value></summary>
    public double LearningRate { get; init; } = CollabDefaults.LearningRate;

    /// <summary>Decoupled weight decay. <value>Default: 0.01.</value></summary>
    public double WeightDecay { get; init; } = CollabDefaults.WeightDecay;

    /// <summary>Weight decay of the bias tables (fast mode); null decays them like the factors. <value>Default: null.</value></summary>
    public double? BiasWeightDecay { get; init; }

    /// <summary>Batch size. <value>Default: 64.</value></summary>
    public int BatchSize { get; init; } = CollabDefaults.BatchSize;

    /// <summary>Share of rows held out for validation when no split is given. <value>Default: 0.2.</value></summary>
    public double ValidPct { get; init; } = CollabDefaults.ValidPct;

    /// <summary>Seed of split, initialisation and shuffling. <value>Default: 42.</value></summary>
    public ulong Seed { get; init; } = CollabDefaults.Seed;

    /// <summary>Which rows the vocabularies come from. <value>Default: training rows.</value></summary>
    public VocabularyScope VocabularyScope { get; init; } = VocabularyScope.Training;

    /// <summary>Exact (fastai's dense updates) or fast (touched rows only, all cores). <value>Default: exact.</value></summary>
    public TrainingMode Mode { get; init; } = TrainingMode.Exact;

    /// <summary>The update fast mode applies to touched rows. <value>Default: row-wise RMSprop.</value></summary>
    public FastOptimizer FastOptimizer { get; init; } = FastOptimizer.RowRms;

    /// <summary>Threads for fast mode; 0 means one per core. Exact mode uses them to bring every row up to date at epoch ends. <value>Default: 0.</value></summary>
    public int Threads { get; init; }

    /// <summary>Adam's ε. <value>Default: 1e-5.</value></summary>
    public double Epsilon { get; init; } = CollabDefaults.Epsilon;

    /// <summary>Adam's β2. <value>Default: 0.99.</value></summary>
    public double Beta2 { get; init; } = CollabDefaults.Beta2;

    /// <summary>Checks the values and says what is wrong in one sentence.</summary>
    public void Validate()
    {
        Require(Factors > 0, "factors must be at least 1");
        Require(Epochs > 0, "epochs must be at least 1");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), "the learning rate must be a positive number");
        Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), "weight decay must be 0 or more");
        Require(BiasWeightDecay is null || (BiasWeightDecay >= 0 && double.IsFinite(BiasWeightDecay.Value)), "bias weight decay must be 0 or more");
        Require(BiasWeightDecay is null || Mode == TrainingMode.Fast, "a separate bias weight decay needs fast mode");
        Require(BatchSize > 0, "the batch size must be at least 1");
        Require(ValidPct is >= 0 and < 1, "the validation share must be at least 0 and below 1");
        Require(Epsilon > 0, "Adam's epsilon must be positive");
        Require(Beta2 is > 0 and < 1, "Adam's beta2 must lie between 0 and 1");
        Require(Threads >= 0, "threads must be 0 (one per core) or more");
        Require(Enum.IsDefined(Model), "unknown model kind");
        Require(Sampling == RowSampling.Permutation || Mode == TrainingMode.Exact, "sampling with replacement needs exact mode (fast mode's grid trains every rating once per epoch)");
        Require(Mode == TrainingMode.Exact || Model is ModelKind.Dot, "fast mode trains the dot model; train other kinds in exact mode");
        Neural.Validate();
        Ials.Validate();
        Ease.Validate();
        Bayes.Validate();
        Require(Implicit.Negatives >= 1, "draw at least one negative per positive");
    }

    /// <summary>These options as the model file records them.</summary>
    public TrainingSettings ToSettings() => new()
    {
        Model = ModelKindNames.Of(Model),
        Sampling = JsonNamingPolicy.CamelCase.ConvertName(Sampling.ToString()),
        Ials = Model == ModelKind.Ials ? Ials : null,
        Factors = Factors,
        YRange = YRange,
        Epochs = Epochs,
        LearningRate = LearningRate,
        WeightDecay = WeightDecay,
        BiasWeightDecay = BiasWeightDecay,
        BatchSize = BatchSize,
        ValidPct = ValidPct,
        Seed = Seed,
        VocabularyScope = VocabularyScope,
        Mode = JsonNamingPolicy.CamelCase.ConvertName(Mode.ToString()),
        FastOptimizer = JsonNamingPolicy.CamelCase.ConvertName(FastOptimizer.ToString()),
        Threads = Threads,
        Epsilon = Epsilon,
        Beta2 = Beta2,
    };

    /// <summary>The learner's options for these settings, with 0 threads resolved to one per core.</summary>
    internal LearnerOptions ToLearnerOptions(ulong seed) => new()
    {
        BatchSize = BatchSize,
        Seed = seed,
        WeightDecay = WeightDecay,
        BiasWeightDecay = BiasWeightDecay,
        Adam = new AdamOptions { Beta2 = Beta2, Epsilon = Epsilon },
        Mode = Mode,
        FastOptimizer = FastOptimizer,
        Threads = Threads == 0 ? Environment.ProcessorCount : Threads,
        Sampling = Sampling,
    };

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new ArgumentException(char.ToUpperInvariant(message[0]) + message[1..] + ".");
    }
}
