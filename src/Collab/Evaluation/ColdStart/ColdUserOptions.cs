using Collab.ColdStart;
using Collab.ColdStart.Questions;
using Collab.Training;

namespace Collab.Evaluation.ColdStart;

/// <summary>Settings of the cold-user protocol (<see cref="ColdStartProtocols.ColdUsers"/>).</summary>
public sealed record ColdUserOptions
{
    /// <summary>Share of users held out of training entirely. <value>Default: 0.2.</value></summary>
    public double HeldOutShare { get; init; } = 0.2;

    /// <summary>
    /// Disjoint groups of held-out users evaluated in turn, one trained model each (1: the single split of the
    /// protocol; 1 / <see cref="HeldOutShare"/>: every user once). <value>Default: 1.</value>
    /// </summary>
    public int Folds { get; init; } = 1;

    /// <summary>Numbers of ratings revealed per held-out user. <value>Default: 0, 5, 10, 20.</value></summary>
    public IReadOnlyList<int> Reveals { get; init; } = [0, 5, 10, 20];

    /// <summary>
    /// Numbers of questions for the second curve, which compares the questionnaire with random questions at
    /// the same number of questions. <value>Default: 20, 40, 60 (the lesson's rounds of 20, up to about 60).</value>
    /// </summary>
    public IReadOnlyList<int> Budgets { get; init; } = [20, 40, 60];

    /// <summary>
    /// Share of each held-out user's ratings set aside first as that user's test ratings, the same for every
    /// k and every way of choosing; the rest is what can be revealed. <value>Default: 0.3.</value>
    /// </summary>
    public double TestShare { get; init; } = 0.3;

    /// <summary>Seed of the held-out users, the test ratings and the random reveals. <value>Default: 42.</value></summary>
    public ulong Seed { get; init; } = CollabDefaults.Seed;

    /// <summary>
    /// The training recipe for the other users. <value>Default: the benchmark recipe (50 factors, y_range
    /// 0..5.5, 5 epochs at 5e-3, wd 0.1) in fast mode on one thread (deterministic).</value>
    /// </summary>
    public TrainingOptions Training { get; init; } = new() { Epochs = 5, WeightDecay = 0.1, Mode = TrainingMode.Fast, Threads = 1 };

    /// <summary>The fold-in solver. <value>Default: <see cref="FoldInOptions"/> defaults.</value></summary>
    public FoldInOptions FoldIn { get; init; } = new();

    /// <summary>The questionnaire. <value>Default: <see cref="QuestionnaireOptions"/> defaults.</value></summary>
    public QuestionnaireOptions Questionnaire { get; init; } = new();

    /// <summary>Checks the values.</summary>
    public void Validate()
    {
        if (HeldOutShare is <= 0 or >= 1 || double.IsNaN(HeldOutShare))
            throw new ArgumentException("The held-out share of users must lie between 0 and 1.");
        if (Folds < 1 || Folds * HeldOutShare > 1 + 1e-9)
            throw new ArgumentException("The folds must be at least 1 and hold out no more than all users (folds x held-out share <= 1).");
        if (TestShare is <= 0 or >= 1 || double.IsNaN(TestShare))
            throw new ArgumentException("The test share of each user's ratings must lie between 0 and 1.");
        if (Reveals.Count == 0 || Reveals.Any(k => k < 0))
            throw new ArgumentException("Give at least one number of revealed ratings, each 0 or more.");
        if (Budgets.Any(q => q < 0))
            throw new ArgumentException("Numbers of questions must be 0 or more.");
        Training.Validate();
        FoldIn.Validate();
        Questionnaire.Validate();
    }
}
