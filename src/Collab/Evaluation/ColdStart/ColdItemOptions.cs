using Collab.ColdStart;
using Collab.ColdStart.Metadata;
using Collab.Training;

namespace Collab.Evaluation.ColdStart;

/// <summary>Settings of the cold-item protocol (<see cref="ColdStartProtocols.ColdItems"/>).</summary>
public sealed record ColdItemOptions
{
    /// <summary>Share of items held out of training entirely. <value>Default: 0.1.</value></summary>
    public double HeldOutShare { get; init; } = 0.1;

    /// <summary>Numbers of ratings revealed per held-out item for the blend curve. <value>Default: 0, 1, 3, 5, 10.</value></summary>
    public IReadOnlyList<int> Reveals { get; init; } = [0, 1, 3, 5, 10];

    /// <summary>Share of each held-out item's ratings kept as its test ratings in the blend curve. <value>Default: 0.3.</value></summary>
    public double TestShare { get; init; } = 0.3;

    /// <summary>Seed of the held-out items and the reveals. <value>Default: 42.</value></summary>
    public ulong Seed { get; init; } = CollabDefaults.Seed;

    /// <summary>The metadata columns and their encodings. <value>Default: <see cref="FeatureColumn.MovieLensItems"/>.</value></summary>
    public IReadOnlyList<FeatureColumn> Columns { get; init; } = FeatureColumn.MovieLensItems;

    /// <summary>The training recipe. <value>Default: as <see cref="ColdUserOptions.Training"/>.</value></summary>
    public TrainingOptions Training { get; init; } = new() { Epochs = 5, WeightDecay = 0.1, Mode = TrainingMode.Fast, Threads = 1 };

    /// <summary>The fold-in solver for the blend curve. <value>Default: <see cref="FoldInOptions"/> defaults.</value></summary>
    public FoldInOptions FoldIn { get; init; } = new();

    /// <summary>The metadata regression. <value>Default: <see cref="MetadataOptions"/> defaults.</value></summary>
    public MetadataOptions Metadata { get; init; } = new();

    /// <summary>Checks the values.</summary>
    public void Validate()
    {
        if (HeldOutShare is <= 0 or >= 1 || double.IsNaN(HeldOutShare))
            throw new ArgumentException("The held-out share of items must lie between 0 and 1.");
        if (TestShare is <= 0 or >= 1 || double.IsNaN(TestShare))
            throw new ArgumentException("The test share of each item's ratings must lie between 0 and 1.");
        if (Reveals.Any(k => k < 0))
            throw new ArgumentException("Numbers of revealed ratings must be 0 or more.");
        if (Columns.Count == 0)
            throw new ArgumentException("Give at least one metadata column.");
        Training.Validate();
        FoldIn.Validate();
        Metadata.Validate();
    }
}
