using Collab.Data;
using Collab.Data.Synthetic;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Data.Synthetic;

public sealed class SyntheticRatingsTests : IDisposable
{
    private static readonly SyntheticRatingsOptions Small = new() { Users = 300, Items = 200, Ratings = 12_000, Seed = 5 };

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_same_seed_gives_the_same_ratings_and_another_seed_does_not()
    {
        var first = SyntheticRatings.Create(Small).ToTable();
        var second = SyntheticRatings.Create(Small).ToTable();
        var other = SyntheticRatings.Create(Small with { Seed = 6 }).ToTable();
        Assert.Equal(first.Users.ToArray(), second.Users.ToArray());
        Assert.Equal(first.Items.ToArray(), second.Items.ToArray());
        Assert.Equal(first.Ratings.ToArray(), second.Ratings.ToArray());
        Assert.Equal(first.Timestamps.ToArray(), second.Timestamps.ToArray());
        Assert.Equal(first.ItemIds.Ids, second.ItemIds.Ids);
        Assert.NotEqual(first.Ratings.ToArray(), other.Ratings.ToArray());
    }

    [Fact]
    public void A_reused_row_generator_makes_the_same_rows_for_a_user_every_time()
    {
        var synth = SyntheticRatings.Create(Small);
        var generator = new UserRowGenerator(synth);
        var light = Enumerable.Range(0, Small.Users).First(u => synth.UserCounts[u] < Small.Items / 4);
        var heavy = Enumerable.Range(0, Small.Users).First(u => synth.UserCounts[u] > Small.Items / 4);
        foreach (var user in new[] { light, heavy })
        {
            int n = synth.UserCounts[user];
            var (items, ratings, stamps) = (new int[n], new float[n], new long[n]);
            var (items2, ratings2, stamps2) = (new int[n], new float[n], new long[n]);
            generator.Generate(user, items, ratings, stamps);
            generator.Generate(user, items2, ratings2, stamps2);
            Assert.Equal(items, items2);
            Assert.Equal(ratings, ratings2);
            Assert.Equal(stamps, stamps2);
            Assert.Equal(n, items.Distinct().Count());
        }
    }

    [Fact]
    public void Writing_twice_gives_the_same_bytes_and_reading_the_file_gives_the_same_table()
    {
        var synth = SyntheticRatings.Create(Small with { Ratings = 150_000, Users = 2_000, Items = 900 });
        var path = _temp.Combine("synth.csv");
        synth.WriteCsvFile(path);
        var again = new MemoryStream();
        synth.WriteCsv(again);
        Assert.Equal(File.ReadAllBytes(path), again.ToArray());

        var read = RatingsTable.FromFile(path);
        var made = synth.ToTable();
        Tables.AssertSame(made, read);
        Assert.Empty(Directory.GetFiles(_temp.Path, "*.tmp"));
    }

    [Fact]
    public void Ratings_are_half_stars_from_half_to_five_on_distinct_pairs_and_every_user_rates()
    {
        var table = SyntheticRatings.Create(Small).ToTable();
        Assert.Equal(Small.Ratings, table.Count);
        Assert.Equal(Small.Users, table.UserIds.Count);
        Assert.InRange(table.ItemIds.Count, 1, Small.Items);
        foreach (var rating in table.Ratings)
        {
            Assert.InRange(rating, 0.5f, 5f);
            Assert.Equal(rating * 2, MathF.Round(rating * 2));
        }
        var pairs = new HashSet<(int, int)>();
        for (int r = 0; r < table.Count; r++)
            Assert.True(pairs.Add((table.Users[r], table.Items[r])), $"pair repeated at row {r}");
    }

    [Fact]
    public void Dense_sets_with_users_who_rate_nearly_everything_still_have_distinct_pairs()
    {
        var options = new SyntheticRatingsOptions { Users = 30, Items = 40, Ratings = 1_100, UserSkew = 2, Seed = 3 };
        var synth = SyntheticRatings.Create(options);
        Assert.Equal(options.Items, synth.UserCounts.ToArray().Max());
        var table = synth.ToTable();
        Assert.Equal(table.Count, Enumerable.Range(0, table.Count).Select(r => (table.Users[r], table.Items[r])).Distinct().Count());
    }

    [Fact]
    public void Popularity_is_skewed_as_asked_and_flat_without_skew()
    {
        var options = new SyntheticRatingsOptions { Users = 20_000, Items = 1_000, Ratings = 100_000, Seed = 2 };
        double skewedItems = TopShare(SyntheticRatings.Create(options).ToTable().Items, 0.01);
        double flatItems = TopShare(SyntheticRatings.Create(options with { ItemSkew = 0 }).ToTable().Items, 0.01);
        double skewedUsers = TopShare(SyntheticRatings.Create(options).ToTable().Users, 0.01);
        double flatUsers = TopShare(SyntheticRatings.Create(options with { UserSkew = 0 }).ToTable().Users, 0.01);
        // Zipf(1) over 1,000 items puts H(10)/H(1000) = 39% of the mass on the top 1% (a little less once each
        // user rates an item only once); uniform puts about 1%.
        Assert.InRange(skewedItems, 0.28, 0.4);
        Assert.InRange(flatItems, 0.005, 0.02);
        Assert.InRange(skewedUsers, 0.04, 0.2);
        Assert.InRange(flatUsers, 0.009, 0.011);
    }

    [Fact]
    public void A_small_set_trains_to_an_error_well_below_the_spread_of_the_ratings()
    {
        var table = SyntheticRatings.Create(new SyntheticRatingsOptions { Users = 400, Items = 300, Ratings = 40_000, Noise = 0.3, Seed = 11 }).ToTable();
        var trained = CollabTrainer.Train(table, new TrainingOptions { Factors = 16, Epochs = 8, LearningRate = 1e-2, WeightDecay = 0.05, Seed = 1 });
        double std = StdDev(table.Ratings);
        Assert.InRange(std, 0.8, 1.2);
        Assert.True(trained.Summary.ValidRmse < 0.75 * std, $"valid RMSE {trained.Summary.ValidRmse:F3} vs rating std {std:F3}");
    }

    [Theory]
    [InlineData(10, 10, 9, "at least the number of users")]
    [InlineData(10, 10, 101, "cannot exceed users x items")]
    [InlineData(0, 10, 10, "Users must be at least 1")]
    public void Impossible_sizes_are_refused_with_a_reason(int users, int items, long ratings, string reason)
    {
        var error = Assert.Throws<ArgumentException>(() => SyntheticRatings.Create(new SyntheticRatingsOptions { Users = users, Items = items, Ratings = ratings }));
        Assert.Contains(reason, error.Message);
    }

    private static double TopShare(ReadOnlySpan<int> column, double fraction)
    {
        var counts = new Dictionary<int, int>();
        foreach (var id in column)
            counts[id] = counts.GetValueOrDefault(id) + 1;
        var sorted = counts.Values.OrderDescending().ToArray();
        int top = Math.Max(1, (int)(sorted.Length * fraction));
        return (double)sorted.Take(top).Sum() / column.Length;
    }

    private static double StdDev(ReadOnlySpan<float> values)
    {
        double mean = 0;
        foreach (var v in values)
            mean += v;
        mean /= values.Length;
        double sum = 0;
        foreach (var v in values)
            sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / values.Length);
    }
}
