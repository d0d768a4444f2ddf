using Collab.Models;

namespace Collab.ColdStart;

/// <summary>The trained rows a new row is fitted against (item rows for a new user, user rows for a new item).</summary>
internal readonly record struct FrozenTables(float[] Factors, float[] Biases, int K, OutputRange? Range)
{
    public static FrozenTables Items(DotBiasModel model) => new(model.ItemFactors.Values, model.ItemBias.Values, model.Factors, model.YRange);

    public static FrozenTables Users(DotBiasModel model) => new(model.UserFactors.Values, model.UserBias.Values, model.Factors, model.YRange);

    /// <summary>Writes (factors of row r, 1): the gradient of the raw score with respect to the new row.</summary>
    public void Design(int r, Span<double> w)
    {
        for (int f = 0; f < K; f++)
            w[f] = Factors[r * K + f];
        w[K] = 1;
    }
}
