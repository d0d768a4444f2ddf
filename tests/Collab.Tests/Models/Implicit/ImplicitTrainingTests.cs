using Collab.Data;
using Collab.Models;
using Collab.Models.Implicit;
using Collab.Numerics;
using Collab.Training;

namespace Collab.Tests.Models.Implicit;

/// <summary>Negative sampling and training on planted data: two taste groups, each interacting with its own items only.</summary>
public sealed class ImplicitTrainingTests
{
    private const int UsersPerGroup = 30;
    private const int ItemsPerGroup = 20;

    [Theory]
    [InlineData(RankingLoss.Bpr, NegativeSampling.Uniform)]
    [InlineData(RankingLoss.SampledBce, NegativeSampling.Uniform)]
    [InlineData(RankingLoss.Bpr, NegativeSampling.Popularity)]
    public void Training_ranks_held_out_planted_positives_above_every_other_groups_item(RankingLoss loss, NegativeSampling sampling)
    {
        var (table, split) = Planted();
        var data = CollabData.FromTable(table, split);
        var model = RankingModel.Create(
            DotBiasModel.Create(data.Users.Count, data.Items.Count, new DotBiasOptions { Factors = 8, YRange = null }, new SeededRandom(1)),
            data.Train, new ImplicitOptions { Loss = loss, Sampling = sampling }, new SeededRandom(2));
        var learner = new Learner(data, model, new LearnerOptions { BatchSize = 32, Seed = 3 });
        learner.FitOneCycle(15, 1e-2, 0.01);

        var valid = data.Valid;
        for (int r = 0; r < valid.Count; r++)
        {
            int user = valid.Users[r];
            float heldOut = model.Model.RawScore(user, valid.Items[r]);
            string group = data.Users[user][0..1];
            for (int item = 1; item < data.Items.Count; item++)
            {
                if (data.Items[item][0..1] != group)
                    Assert.True(heldOut > model.Model.RawScore(user, item), $"{data.Users[user]}: held-out {data.Items[valid.Items[r]]} below {data.Items[item]}");
            }
        }
    }

    [Theory]
    [InlineData(NegativeSampling.Uniform)]
    [InlineData(NegativeSampling.Popularity)]
    public void Negatives_are_never_the_users_positives_nor_na(NegativeSampling sampling)
    {
        var (table, split) = Planted();
        var data = CollabData.FromTable(table, split);
        var sampler = new NegativeSampler(data.Train, data.Users.Count, data.Items.Count, sampling, new SeededRandom(4));
        var counts = new int[data.Items.Count];
        for (int n = 0; n < 20_000; n++)
        {
            int user = 1 + n % (data.Users.Count - 1);
            int item = sampler.Draw(user);
            Assert.NotEqual(0, item);
            Assert.False(sampler.IsPositive(user, item));
            counts[item]++;
        }
        Assert.All(counts.Skip(1), c => Assert.True(c > 0));
    }

    [Fact]
    public void Popularity_sampling_draws_items_in_proportion_to_their_positives()
    {
        var table = RatingsTable.FromTriples([("u1", "a", 1), ("u2", "a", 1), ("u3", "a", 1), ("u1", "b", 1), ("u9", "c", 1)]);
        var data = CollabData.FromTable(table, new DataSplit([0, 1, 2, 3, 4], []));
        var sampler = new NegativeSampler(data.Train, data.Users.Count, data.Items.Count, NegativeSampling.Popularity, new SeededRandom(5));
        int user = data.Users.Encode("u9");
        var counts = new int[data.Items.Count];
        for (int n = 0; n < 40_000; n++)
            counts[sampler.Draw(user)]++;
        // u9 has c, so draws of c are rejected and redrawn: a and b share the mass 3 : 1.
        Assert.Equal(0, counts[data.Items.Encode("c")]);
        Assert.InRange(counts[data.Items.Encode("a")] / (double)counts[data.Items.Encode("b")], 2.8, 3.2);
    }

    /// <summary>Users g0..g29 and h0..h29; items gA.. and hA..; each user has every item of their own group, one held out.</summary>
    private static (RatingsTable Table, DataSplit Split) Planted()
    {
        var rows = new List<(string, string, float)>();
        var valid = new List<int>();
        var random = new SeededRandom(6);
        foreach (var group in new[] { "g", "h" })
        {
            for (int u = 0; u < UsersPerGroup; u++)
            {
                int held = random.NextInt(ItemsPerGroup);
                for (int i = 0; i < ItemsPerGroup; i++)
                {
                    if (i == held)
                        valid.Add(rows.Count);
                    rows.Add(($"{group}{u}", $"{group}{(char)('A' + i)}", 1));
                }
            }
        }
        var train = Enumerable.Range(0, rows.Count).Except(valid).ToArray();
        return (RatingsTable.FromTriples(rows), new DataSplit(train, [.. valid]));
    }
}
