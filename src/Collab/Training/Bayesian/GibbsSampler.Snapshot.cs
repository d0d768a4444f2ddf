using Collab.Models;

namespace Collab.Training.Bayesian;

/// <summary>
/// The current sample as a dot-bias model. Every block belongs to the user or the item side, so with P_u and Q_i
/// the sums of each side's factor rows, the FM's prediction is exactly
/// w0 + L_u + L_i + ½(|P_u|² − D_u) + ½(|Q_i|² − D_i) + P_u·Q_i: a per-user bias, a per-item bias and a dot product.
/// The user-side sums are folded once per user, so scoring every item costs one dot product each.
/// </summary>
internal sealed partial class GibbsSampler
{
    public DotBiasModel ToDotBias(int users, int items)
    {
        var model = DotBiasModel.CreateEmpty(users, items, _rank, yRange: null);
        Fold(FeatureSide.User, users, model.UserFactors.Values, model.UserBias.Values);
        Fold(FeatureSide.Item, items, model.ItemFactors.Values, model.ItemBias.Values);
        for (int i = 0; i < items; i++)
            model.ItemBias.Values[i] += (float)GlobalBias;
        return model;
    }

    private void Fold(FeatureSide side, int rows, float[] factors, float[] biases)
    {
        var sums = new double[_rank];
        var squares = new double[_rank];
        for (int b = 0; b < rows; b++)
        {
            Array.Clear(sums);
            Array.Clear(squares);
            double bias = 0;
            foreach (var state in _blocks.Where(s => s.Block.Side == side))
            {
                bias += state.Linear[b];
                for (int f = 0; f < _rank; f++)
                {
                    sums[f] += state.Sums[b * _rank + f];
                    squares[f] += state.SquareSums[b * _rank + f];
                }
            }
            for (int f = 0; f < _rank; f++)
            {
                bias += 0.5 * (sums[f] * sums[f] - squares[f]);
                factors[b * _rank + f] = (float)sums[f];
            }
            biases[b] = (float)bias;
        }
    }
}
