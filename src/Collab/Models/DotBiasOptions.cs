namespace Collab.Models;

/// <summary>Shape of the lesson's model: factors per user and item, and the optional output range.</summary>
public sealed record DotBiasOptions
{
    /// <summary>Latent factors per user and per item. <value>Default: 50 (fastai v2).</value></summary>
    public int Factors { get; init; } = CollabDefaults.Factors;

    /// <summary>The sigmoid output range (fastai's y_range). <value>Default: (0, 5.5), the lesson's; fastai's own default is none.</value></summary>
    public OutputRange? YRange { get; init; } = OutputRange.Lesson;
}
