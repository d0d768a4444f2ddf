namespace Collab.Data.Synthetic;

/// <summary>Zipf popularity: the entry of rank r (0-based) weighs (r + 1)^-s.</summary>
internal static class ZipfWeights
{
    public static double[] ByRank(int count, double skew)
    {
        var weights = new double[count];
        for (int r = 0; r < count; r++)
            weights[r] = Math.Pow(r + 1, -skew);
        return weights;
    }
}
