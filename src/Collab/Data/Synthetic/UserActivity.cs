using Collab.Numerics;

namespace Collab.Data.Synthetic;

/// <summary>
/// How many ratings each user gives: proportional to a Zipf weight of the user's activity rank, at least one
/// and at most every item, summing exactly to the requested total. Ranks are dealt to users by a seeded
/// permutation, so activity is unrelated to the user id (as in MovieLens).
/// </summary>
internal static class UserActivity
{
    public static int[] Counts(int users, int items, long total, double skew, SeededRandom random)
    {
        var weights = ZipfWeights.ByRank(users, skew);
        double low = 0;
        double high = (double)total / weights[^1] + 1;
        for (int iteration = 0; iteration < 200 && high - low > 1e-9 * high; iteration++)
        {
            double middle = (low + high) / 2;
            if (Sum(weights, middle, items) <= total)
                low = middle;
            else
                high = middle;
        }
        var byRank = new int[users];
        long assigned = 0;
        for (int r = 0; r < users; r++)
        {
            byRank[r] = Clamp(weights[r] * low, items);
            assigned += byRank[r];
        }
        // The bisection leaves less than one rating per user unassigned: hand them out by rank.
        for (int r = 0; assigned < total; r = (r + 1) % users)
        {
            if (byRank[r] < items)
            {
                byRank[r]++;
                assigned++;
            }
        }
        var rankOfUser = random.Permutation(users);
        var counts = new int[users];
        for (int u = 0; u < users; u++)
            counts[u] = byRank[rankOfUser[u]];
        return counts;
    }

    private static long Sum(double[] weights, double scale, int items)
    {
        long sum = 0;
        foreach (var w in weights)
            sum += Clamp(w * scale, items);
        return sum;
    }

    private static int Clamp(double share, int items) => (int)Math.Clamp(Math.Floor(share), 1, items);
}
