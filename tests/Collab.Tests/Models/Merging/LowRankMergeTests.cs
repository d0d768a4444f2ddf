using Collab.Models;
using Collab.Models.Merging;
using Collab.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Collab.Tests.Models.Merging;

public sealed class LowRankMergeTests
{
    private const int Users = 30, Items = 40, Factors = 4;

    [Fact]
    public void At_full_rank_the_merged_model_scores_the_members_mean_raw_score()
    {
        var members = RandomMembers(3, seed: 1);
        var merged = LowRankMerge.Merge(members, rank: 3 * Factors);
        for (int u = 0; u < Users; u++)
        {
            for (int i = 0; i < Items; i++)
            {
                double mean = members.Average(m => m.RawScore(u, i));
                Assert.True(Math.Abs(merged.RawScore(u, i) - mean) < 1e-4, $"user {u}, item {i}: {merged.RawScore(u, i)} vs {mean}");
            }
        }
    }

    [Fact]
    public void Below_full_rank_it_is_the_best_approximation_of_the_mean_score_matrix()
    {
        var members = RandomMembers(3, seed: 2);
        const int rank = 5;
        var merged = LowRankMerge.Merge(members, rank);
        Assert.Equal(rank, merged.Factors);
        var mean = Matrix<double>.Build.Dense(Users, Items, (u, i) => members.Average(m => (double)Dot(m, u, i)));
        var svd = mean.Svd();
        // Eckart–Young: the best rank-r error is the norm of the discarded singular values.
        double best = Math.Sqrt(svd.S.Skip(rank).Sum(s => s * s));
        double error = Math.Sqrt(Enumerable.Range(0, Users).Sum(u => Enumerable.Range(0, Items).Sum(i =>
            Math.Pow(mean[u, i] - Dot(merged, u, i), 2))));
        Assert.InRange(error, best * 0.999, best * 1.001 + 1e-5);
    }

    [Fact]
    public void Biases_are_averaged_and_the_output_range_kept()
    {
        var members = RandomMembers(2, seed: 3);
        var merged = LowRankMerge.Merge(members, rank: 2);
        Assert.Equal(members[0].YRange, merged.YRange);
        for (int u = 0; u < Users; u++)
            Assert.Equal((members[0].UserBias.Values[u] + members[1].UserBias.Values[u]) / 2, merged.UserBias.Values[u], 1e-6);
        for (int i = 0; i < Items; i++)
            Assert.Equal((members[0].ItemBias.Values[i] + members[1].ItemBias.Values[i]) / 2, merged.ItemBias.Values[i], 1e-6);
    }

    [Fact]
    public void A_rank_above_what_the_members_hold_gives_only_the_directions_there_are()
    {
        var merged = LowRankMerge.Merge(RandomMembers(2, seed: 4), rank: 50);
        Assert.Equal(2 * Factors, merged.Factors);
    }

    [Fact]
    public void Models_of_different_shapes_are_refused()
    {
        var other = DotBiasModel.Create(Users + 1, Items, new DotBiasOptions { Factors = Factors }, new SeededRandom(9));
        Assert.Throws<ArgumentException>(() => LowRankMerge.Merge([RandomMembers(1, seed: 5)[0], other], rank: 4));
    }

    private static float Dot(DotBiasModel model, int user, int item) =>
        model.RawScore(user, item) - model.UserBias.Values[user] - model.ItemBias.Values[item];

    private static DotBiasModel[] RandomMembers(int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        return [.. Enumerable.Range(0, count).Select(_ =>
        {
            var model = DotBiasModel.CreateEmpty(Users, Items, Factors, new OutputRange(0f, 5.5f));
            foreach (var tensor in model.Parameters)
            {
                for (int v = 0; v < tensor.Values.Length; v++)
                    tensor.Values[v] = (float)random.NextGaussian();
            }
            return model;
        })];
    }
}
