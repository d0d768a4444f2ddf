namespace Collab.Training;

/// <summary>Records what a fit did: per-batch loss, smoothed loss, lr and β1, and the epoch table.</summary>
public sealed class Recorder : LearnerCallback
{
    private readonly SmoothedLoss _smooth = new();
    private readonly List<double> _losses = [];
    private readonly List<double> _smoothLosses = [];
    private readonly List<double> _learningRates = [];
    private readonly List<double> _momentums = [];
    private readonly List<EpochResult> _epochs = [];

    /// <summary>Runs after the schedule, before progress displays.</summary>
    public override int Order => 10;

    /// <inheritdoc />
    public override bool ReadsParametersEachBatch => false;

    /// <summary>Loss of every training batch of the last fit.</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>Smoothed loss after every training batch of the last fit.</summary>
    public IReadOnlyList<double> SmoothLosses => _smoothLosses;

    /// <summary>Learning rate used by every batch of the last fit.</summary>
    public IReadOnlyList<double> LearningRates => _learningRates;

    /// <summary>β1 used by every batch of the last fit.</summary>
    public IReadOnlyList<double> Momentums => _momentums;

    /// <summary>The epoch table of the last fit.</summary>
    public IReadOnlyList<EpochResult> Epochs => _epochs;

    /// <summary>The current smoothed training loss.</summary>
    public double SmoothLoss => _smooth.Value;

    /// <inheritdoc />
    public override void BeforeFit(TrainingContext context)
    {
        _smooth.Reset();
        _losses.Clear();
        _smoothLosses.Clear();
        _learningRates.Clear();
        _momentums.Clear();
        _epochs.Clear();
    }

    /// <inheritdoc />
    public override void AfterBatch(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _smooth.Add(context.BatchLoss);
        _losses.Add(context.BatchLoss);
        _smoothLosses.Add(_smooth.Value);
        _learningRates.Add(context.LearningRate);
        _momentums.Add(context.Momentum);
    }

    /// <inheritdoc />
    public override void AfterEpoch(TrainingContext context, EpochResult result) => _epochs.Add(result);
}
