using Collab.Data;
using Collab.Training.Bayesian;

namespace Collab.Tests.Training.Bayesian;

public sealed class GibbsSamplerTests
{
    private const int Rank = 2;
    private const ulong Seed = 7;

    // 4 users and 5 items (index 0 of each vocabulary is #na#), 13 ratings.
    private static readonly int[] Users = [1, 1, 1, 2, 2, 3, 3, 3, 3, 4, 4, 2, 4];
    private static readonly int[] Items = [1, 2, 3, 1, 4, 2, 3, 4, 5, 1, 5, 5, 3];
    private static readonly float[] Ratings = [4, 3.5f, 5, 2, 3, 4.5f, 4, 1, 2.5f, 3, 4, 2, 5];

    private static EncodedRatings Train() => new(Users, Items, Ratings);

    private static Vocabulary UserIds() => Vocabulary.FromIds(["a", "b", "c", "d"]);

    private static Vocabulary ItemIds() => Vocabulary.FromIds(["m1", "m2", "m3", "m4", "m5"]);

    private static IReadOnlyList<FeatureBlock> Blocks()
    {
        var genres = new AttributeTable("genres", ["drama", "comedy"], new Dictionary<string, float[]>
        {
            ["m1"] = [1, 0],
            ["m2"] = [1, 1],
            ["m4"] = [0, 1],
        });
        return FmFeatures.Build(Train(), UserIds(), ItemIds(), new BayesOptions { ItemAttributes = genres });
    }

    [Fact]
    public void Sweeps_draw_the_chain_a_dense_textbook_sampler_draws()
    {
        var blocks = Blocks();
        var sampler = new GibbsSampler(Train(), 5, 6, blocks, Rank, Seed, threads: 1);
        var dense = new DenseFm(Train(), blocks, Rank, Seed);
        for (int sweep = 0; sweep < 3; sweep++)
        {
            sampler.Sweep(sweep);
            dense.Sweep(sweep);
        }
        Assert.Equal(dense.Alpha, sampler.NoisePrecision, 1e-9);
        Assert.Equal(dense.W0, sampler.GlobalBias, 1e-9);
        for (int g = 0; g < blocks.Count; g++)
        {
            var state = sampler.Blocks[g];
            Assert.Equal(dense.WeightPrecision[g], state.WeightPrecision, 1e-9);
            for (int j = 0; j < blocks[g].Width; j++)
            {
                Assert.Equal(dense.W[dense.Offset(g) + j], state.Weights[j], 1e-9);
                for (int f = 0; f < Rank; f++)
                    Assert.Equal(dense.V[dense.Offset(g) + j, f], state.Factors[j * Rank + f], 1e-9);
            }
        }
    }

    [Fact]
    public void The_folded_dot_bias_model_predicts_what_the_factorization_machine_predicts()
    {
        var blocks = Blocks();
        var sampler = new GibbsSampler(Train(), 5, 6, blocks, Rank, Seed, threads: 1);
        var dense = new DenseFm(Train(), blocks, Rank, Seed);
        sampler.Sweep(0);
        dense.Sweep(0);
        var model = sampler.ToDotBias(5, 6);
        for (int n = 0; n < Ratings.Length; n++)
            Assert.Equal(dense.Predict(dense.Features(n)), model.RawScore(Users[n], Items[n]), 1e-4);
    }

    [Fact]
    public void The_chain_is_the_same_with_one_thread_or_two()
    {
        var table = Collab.Data.Synthetic.SyntheticRatings.Create(new() { Users = 300, Items = 200, Ratings = 6000, Seed = 3 }).ToTable();
        var one = Run(table, threads: 1);
        var two = Run(table, threads: 2);
        Assert.Equal(one.UserFactors.Values, two.UserFactors.Values);
        Assert.Equal(one.ItemBias.Values, two.ItemBias.Values);

        static Collab.Models.DotBiasModel Run(RatingsTable table, int threads)
        {
            var data = CollabData.FromTable(table, 0.2, 1);
            var sampler = new GibbsSampler(data.Train, data.Users.Count, data.Items.Count,
                FmFeatures.Build(data.Train, data.Users, data.Items, new BayesOptions()), 4, Seed, threads);
            for (int sweep = 0; sweep < 20; sweep++)
                sampler.Sweep(sweep);
            return sampler.ToDotBias(data.Users.Count, data.Items.Count);
        }
    }
}
