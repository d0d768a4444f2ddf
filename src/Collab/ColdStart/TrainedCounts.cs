using Collab.Persistence;

namespace Collab.ColdStart;

/// <summary>Training ratings per user row and per item row of a trained model.</summary>
internal static class TrainedCounts
{
    public static int[] Users(TrainedModel trained)
    {
        var counts = new int[trained.Users.Count];
        for (int u = 0; u < counts.Length; u++)
            counts[u] = trained.Interactions.CountOf(u);
        return counts;
    }

    public static int[] Items(TrainedModel trained)
    {
        var counts = new int[trained.Items.Count];
        foreach (int item in trained.Interactions.AllItems)
            counts[item]++;
        return counts;
    }
}
