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

    [Theory]
    [InlineData(NegativeSampling.Uniform)]
    [InlineData(NegativeSampling.Popularity)]
    public void A_user_with_every_item_but_two_only_ever_gets_those_two_as_negatives(NegativeSampling sampling)
    {
        // "all" has 198 of the 200 items, so almost every first draw is a positive and 32 rejections in a row are common.
        var items = Enumerable.Range(0, 200).Select(i => $"i{i}").ToList();
        var rows = items.Where(i => i is not ("i7" or "i150")).Select(i => ("all", i, 1f)).Concat([("x", "i7", 1f), ("y", "i150", 1f)]).ToList();
        var data = CollabData.FromTable(RatingsTable.FromTriples(rows), new DataSplit([.. Enumerable.Range(0, rows.Count)], []));
        var sampler = new NegativeSampler(data.Train, data.Users.Count, data.Items.Count, sampling, new SeededRandom(7));
        int user = data.Users.Encode("all");
        var counts = new int[data.Items.Count];
        for (int n = 0; n < 4_000; n++)
            counts[sampler.Draw(user)]++;
        int seven = counts[data.Items.Encode("i7")], fifty = counts[data.Items.Encode("i150")];
        Assert.Equal(4_000, seven + fifty);
        // Both items have one positive each (from x and y): equally likely under either sampling.
        Assert.InRange(seven / 4_000.0, 0.45, 0.55);
    }

    [Fact]
    public void Popularity_sampling_falls_back_to_the_remaining_popularity_for_a_user_with_nearly_every_item()
    {
        // "a" is popular (3 positives), "b" has one; "all" has every other item, so its negatives are a and b at 3 : 1.
        var items = Enumerable.Range(0, 100).Select(i => $"i{i}").ToList();
        var rows = items.Select(i => ("all", i, 1f)).Concat([("u1", "a", 1f), ("u2", "a", 1f), ("u3", "a", 1f), ("u1", "b", 1f)]).ToList();
        var data = CollabData.FromTable(RatingsTable.FromTriples(rows), new DataSplit([.. Enumerable.Range(0, rows.Count)], []));
        var sampler = new NegativeSampler(data.Train, data.Users.Count, data.Items.Count, NegativeSampling.Popularity, new SeededRandom(8));
        int user = data.Users.Encode("all");
        var counts = new int[data.Items.Count];
        for (int n = 0; n < 20_000; n++)
            counts[sampler.Draw(user)]++;
        int a = counts[data.Items.Encode("a")], b = counts[data.Items.Encode("b")];
        Assert.Equal(20_000, a + b);
        Assert.InRange(a / (double)b, 2.8, 3.2);
    }

    [Fact]
    public void A_user_with_every_item_among_the_positives_is_refused_with_a_clear_message()
    {
        var rows = new List<(string, string, float)> { ("u1", "a", 1), ("u1", "b", 1), ("u1", "b", 1), ("u2", "a", 1) };
        var data = CollabData.FromTable(RatingsTable.FromTriples(rows), new DataSplit([0, 1, 2, 3], []));
        var error = Assert.Throws<ArgumentException>(() =>
            new NegativeSampler(data.Train, data.Users.Count, data.Items.Count, NegativeSampling.Uniform, new SeededRandom(9)));
        Assert.Contains($"user row {data.Users.Encode("u1")}", error.Message, StringComparison.Ordinal);
        Assert.Contains("every one of the 2 items", error.Message, StringComparison.Ordinal);
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
