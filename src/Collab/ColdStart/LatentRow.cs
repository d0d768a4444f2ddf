using System.Numerics.Tensors;
using Collab.Models;

namespace Collab.ColdStart;

/// <summary>
/// One row of the collaborative model computed outside training: a user's (or an item's) latent factors and
/// bias, as folded in from ratings or predicted from metadata. Immutable.
/// </summary>
public sealed class LatentRow
{
    private readonly float[] _factors;

    /// <summary>Creates a row from factors (copied) and a bias.</summary>
    public LatentRow(ReadOnlySpan<float> factors, float bias)
    {
        _factors = factors.ToArray();
        Bias = bias;
    }

    /// <summary>The latent factors.</summary>
    public ReadOnlySpan<float> Factors => _factors;

    /// <summary>The bias.</summary>
    public float Bias { get; }

    /// <summary>Number of factors.</summary>
    public int FactorCount => _factors.Length;

    /// <summary>The model's prediction for this row as a user and a trained item row.</summary>
    internal float RateItem(DotBiasModel model, int item) =>
        model.Activate(TensorPrimitives.Dot(_factors, model.ItemFactors.Row(item)) + Bias + model.ItemBias.Values[item]);

    /// <summary>The model's prediction for this row as an item and a trained user row.</summary>
    internal float RatedByUser(DotBiasModel model, int user) =>
        model.Activate(TensorPrimitives.Dot(_factors, model.UserFactors.Row(user)) + Bias + model.UserBias.Values[user]);

    /// <summary>Reads a (factors..., bias) vector.</summary>
    internal static LatentRow FromVector(ReadOnlySpan<double> vector)
    {
        var factors = new float[vector.Length - 1];
        for (int f = 0; f < factors.Length; f++)
            factors[f] = (float)vector[f];
        return new LatentRow(factors, (float)vector[^1]);
    }

    /// <summary>Writes the row as a (factors..., bias) vector.</summary>
    internal void CopyTo(Span<double> vector)
    {
        for (int f = 0; f < _factors.Length; f++)
            vector[f] = _factors[f];
        vector[_factors.Length] = Bias;
    }
}
