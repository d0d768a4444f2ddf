using Collab.Numerics;

namespace Collab.Data.Synthetic;

/// <summary>
/// The model synthetic ratings come from: rating = mean + b_user + b_item + p_user·q_item + noise, rounded to
/// the nearest half star and clamped to 0.5..5. Factor entries are N(0, σ²) with σ² = interaction std / √rank,
/// so the dot product has the requested spread.
/// </summary>
internal sealed class PlantedModel
{
    public const float MinRating = 0.5f;
    public const float MaxRating = 5f;

    private readonly float[] _userFactors;
    private readonly float[] _itemFactors;
    private readonly float[] _userBias;
    private readonly float[] _itemBias;
    private readonly int _rank;
    private readonly double _mean;
    private readonly double _noise;

    public PlantedModel(SyntheticRatingsOptions options, SeededRandom random)
    {
        _rank = options.Rank;
        _mean = options.Mean;
        _noise = options.Noise;
        double factorStd = Math.Sqrt(options.InteractionStd / Math.Sqrt(options.Rank));
        _userFactors = Gaussians(random, (long)options.Users * _rank, factorStd);
        _itemFactors = Gaussians(random, (long)options.Items * _rank, factorStd);
        _userBias = Gaussians(random, options.Users, options.BiasStd);
        _itemBias = Gaussians(random, options.Items, options.BiasStd);
    }

    /// <summary>The planted rating before noise and rounding.</summary>
    public double Expected(int user, int item)
    {
        var p = _userFactors.AsSpan(user * _rank, _rank);
        var q = _itemFactors.AsSpan(item * _rank, _rank);
        double dot = 0;
        for (int f = 0; f < p.Length; f++)
            dot += p[f] * q[f];
        return _mean + _userBias[user] + _itemBias[item] + dot;
    }

    /// <summary>A noisy, rounded, clamped rating.</summary>
    public float Rate(int user, int item, SeededRandom random)
    {
        double value = Expected(user, item) + _noise * random.NextGaussian();
        return (float)Math.Clamp(Math.Round(value * 2, MidpointRounding.AwayFromZero) / 2, MinRating, MaxRating);
    }

    private static float[] Gaussians(SeededRandom random, long count, double std)
    {
        var values = new float[count];
        for (long i = 0; i < count; i++)
            values[i] = (float)(random.NextGaussian() * std);
        return values;
    }
}
