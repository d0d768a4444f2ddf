namespace Collab.Persistence;

/// <summary>The JSON header of a model file: what follows and how the model was trained.</summary>
internal sealed record ModelFileHeader
{
    public string Kind { get; init; } = "dot-bias";

    public int Factors { get; init; }

    public float[]? YRange { get; init; }

    public int Users { get; init; }

    public int Items { get; init; }

    public int Interactions { get; init; }

    public string CreatedBy { get; init; } = "";

    public DateTimeOffset CreatedUtc { get; init; }

    public TrainingSummary Summary { get; init; } = new();
}
