using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Persistence;

namespace Collab.Tests.Support;

/// <summary>
/// A small trained-model bundle with random (not fitted) weights large enough to give varied scores: the
/// ranking code does not care how weights were learned, and brute force can check every answer.
/// </summary>
public static class SmallModel
{
    public static TrainedModel Create(int users = 30, int items = 80, int factors = 6, double density = 0.2, ulong seed = 7, OutputRange? yRange = null)
    {
        var random = new SeededRandom(seed);
        var rows = new List<(string, string, float)>();
        for (int u = 0; u < users; u++)
        {
            for (int i = 0; i < items; i++)
            {
                if (random.NextDouble() < density)
                    rows.Add(($"u{u}", $"m{i}", 1 + random.NextInt(5)));
            }
        }
        var table = RatingsTable.FromTriples(rows);
        return Over(CollabData.FromTable(table, new DataSplit([.. Enumerable.Range(0, table.Count)], [])), factors, random, yRange: yRange);
    }

    /// <summary>A model over these users, items and training rows, with random weights.</summary>
    public static TrainedModel Over(CollabData data, int factors, SeededRandom random, float std = 0.6f, OutputRange? yRange = null)
    {
        var model = DotBiasModel.Create(data.Users.Count, data.Items.Count,
            new DotBiasOptions { Factors = factors, YRange = yRange ?? new OutputRange(0, 5.5f) }, random);
        foreach (var tensor in model.Parameters)
            FoldedNormal.Fill(tensor.Values, random, std);
        return new TrainedModel(model, data.Users, data.Items, InteractionIndex.FromRatings(data.Train, data.Users.Count), new TrainingSummary());
    }
}
