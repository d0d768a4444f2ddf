namespace Collab.Persistence;

/// <summary>The JSON header of a model file: what follows and how the model was trained.</summary>
internal sealed record ModelFileHeader
{
    public string Kind { get; init; } = DotBiasKind;

    /// <summary>The kind name version 1 wrote, which version 2 keeps for the dot-bias model.</summary>
    public const string DotBiasKind = "dot-bias";

    public int Factors { get; init; }

    public float[]? YRange { get; init; }

    public int Users { get; init; }

    public int Items { get; init; }

    public int Interactions { get; init; }

    public int HeldOut { get; init; }

    public NeuralShape? Neural { get; init; }

    public string CreatedBy { get; init; } = "";

    public DateTimeOffset CreatedUtc { get; init; }

    public TrainingSummary Summary { get; init; } = new();
}
