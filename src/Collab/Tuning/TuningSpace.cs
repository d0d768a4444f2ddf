using Collab.Numerics;

namespace Collab.Tuning;

/// <summary>
/// The ranges random search draws from. Rates and decays are drawn log-uniformly (their effect is multiplicative),
/// the margin uniformly, the discrete knobs from their lists.
/// </summary>
public sealed record TuningSpace
{
    /// <summary>Peak learning rate. <value>Default: 1e-3 to 2e-2.</value></summary>
    public (double Low, double High) LearningRate { get; init; } = (1e-3, 2e-2);

    /// <summary>Weight decay of the factor tables. <value>Default: 0.01 to 1.</value></summary>
    public (double Low, double High) WeightDecay { get; init; } = (0.01, 1.0);

    /// <summary>Weight decay of the bias tables. <value>Default: 1e-3 to 0.3.</value></summary>
    public (double Low, double High) BiasWeightDecay { get; init; } = (1e-3, 0.3);

    /// <summary>Latent factors. <value>Default: 20, 32, 50, 64, 100.</value></summary>
    public IReadOnlyList<int> Factors { get; init; } = [20, 32, 50, 64, 100];

    /// <summary>Epochs, inclusive. <value>Default: 3 to 8.</value></summary>
    public (int Low, int High) Epochs { get; init; } = (3, 8);

    /// <summary>Batch sizes. <value>Default: 32, 64, 128.</value></summary>
    public IReadOnlyList<int> BatchSizes { get; init; } = [32, 64, 128];

    /// <summary>How far the top of y_range lies above the highest rating. <value>Default: 0 to 1.</value></summary>
    public (double Low, double High) RangeMargin { get; init; } = (0, 1);

    /// <summary>Draws one point.</summary>
    public TrialSettings Sample(SeededRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return new TrialSettings(
            LogUniform(random, LearningRate),
            LogUniform(random, WeightDecay),
            LogUniform(random, BiasWeightDecay),
            Factors[random.NextInt(Factors.Count)],
            Epochs.Low + random.NextInt(Epochs.High - Epochs.Low + 1),
            BatchSizes[random.NextInt(BatchSizes.Count)],
            Math.Round(RangeMargin.Low + (RangeMargin.High - RangeMargin.Low) * random.NextDouble(), 2));
    }

    private static double LogUniform(SeededRandom random, (double Low, double High) range)
    {
        double log = Math.Log(range.Low) + (Math.Log(range.High) - Math.Log(range.Low)) * random.NextDouble();
        return double.Parse(Math.Exp(log).ToString("G3", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
    }
}
