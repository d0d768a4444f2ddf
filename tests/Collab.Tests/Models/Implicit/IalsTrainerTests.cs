using Collab.Models.Implicit;

namespace Collab.Tests.Models.Implicit;

public sealed class IalsTrainerTests
{
    private const int Users = 300;
    private const int Items = 120;

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void The_objective_decreases_every_iteration(int cgSteps)
    {
        var (train, _) = ImplicitData.Planted(Users, Items, rank: 4, perUser: 15, heldOut: 3, seed: 1);
        var losses = new List<double>();
        IalsTrainer.Train(train, Items, new IalsOptions { Factors = 8, Iterations = 12, ConjugateGradientSteps = cgSteps },
            new Recorder(it => losses.Add(it.Loss)));
        Assert.Equal(12, losses.Count);
        for (int n = 1; n < losses.Count; n++)
            Assert.True(losses[n] <= losses[n - 1] * (1 + 1e-6), $"iteration {n}: {losses[n]} after {losses[n - 1]}");
        Assert.True(losses[^1] < 0.9 * losses[0]);
    }

    [Fact]
    public void Held_out_items_of_a_planted_low_rank_model_rank_far_above_random()
    {
        var (train, heldOut) = ImplicitData.Planted(Users, Items, rank: 4, perUser: 15, heldOut: 3, seed: 2);
        var model = IalsTrainer.Train(train, Items, new IalsOptions { Factors = 8, Iterations = 10 });
        // Mean share of the user's unseen items that score above a held-out item: 0.5 at random.
        double total = 0;
        int count = 0;
        for (int u = 0; u < Users; u++)
        {
            var seen = train.ItemsOf(u).ToArray().ToHashSet();
            var unseen = Enumerable.Range(0, Items).Where(i => !seen.Contains(i)).ToArray();
            foreach (int held in heldOut[u])
            {
                float score = model.RawScore(u, held);
                total += unseen.Count(i => model.RawScore(u, i) > score) / (double)(unseen.Length - 1);
                count++;
            }
        }
        Assert.InRange(total / count, 0, 0.1);
    }

    [Fact]
    public void The_model_is_a_dot_product_with_zero_biases_and_no_output_range()
    {
        var (train, _) = ImplicitData.Planted(50, 30, rank: 2, perUser: 5, heldOut: 0, seed: 3);
        var model = IalsTrainer.Train(train, 30, new IalsOptions { Factors = 4, Iterations = 2 });
        Assert.Null(model.YRange);
        Assert.All(model.UserBias.Values, b => Assert.Equal(0f, b));
        Assert.All(model.ItemBias.Values, b => Assert.Equal(0f, b));
        Assert.Equal((50, 30, 4), (model.UserCount, model.ItemCount, model.Factors));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void One_and_two_threads_give_bit_identical_factors(int cgSteps)
    {
        var (train, _) = ImplicitData.Planted(2000, 400, rank: 5, perUser: 20, heldOut: 0, seed: 4);
        var options = new IalsOptions { Factors = 16, Iterations = 4, ConjugateGradientSteps = cgSteps };
        var one = IalsTrainer.Train(train, 400, options with { Threads = 1 });
        var two = IalsTrainer.Train(train, 400, options with { Threads = 2 });
        Assert.Equal(one.UserFactors.Values, two.UserFactors.Values);
        Assert.Equal(one.ItemFactors.Values, two.ItemFactors.Values);
    }

    [Fact]
    public void Fold_in_equals_the_row_training_computes_for_that_user_with_the_items_fixed()
    {
        var (train, _) = ImplicitData.Planted(Users, Items, rank: 4, perUser: 15, heldOut: 0, seed: 5);
        var options = new IalsOptions { Factors = 8, Iterations = 5, ConjugateGradientSteps = 0, ConfidenceScale = 0.5 };
        var model = IalsTrainer.Train(train, Items, options);
        // The next user half-step training would take, with the item factors as they are now.
        var users = IalsRows.Users(train, Items, options.ConfidenceScale);
        var next = model.UserFactors.Values.ToArray();
        IalsSolver.SolveRows(users, next, model.ItemFactors.Values, 8, options, new ParallelOptions());
        foreach (int u in new[] { 0, 17, 123, Users - 1 })
        {
            var folded = IalsTrainer.FoldIn(model, train.ItemsOf(u), options, train.RatingsOf(u));
            Assert.Equal(next.AsSpan(u * 8, 8).ToArray(), folded);
        }
    }

    [Fact]
    public void Fold_in_of_no_items_is_the_zero_row_and_bad_items_are_refused()
    {
        var (train, _) = ImplicitData.Planted(40, 20, rank: 2, perUser: 4, heldOut: 0, seed: 6);
        var model = IalsTrainer.Train(train, 20, new IalsOptions { Factors = 4, Iterations = 2 });
        Assert.All(IalsTrainer.FoldIn(model, []), x => Assert.Equal(0f, x));
        Assert.Throws<ArgumentOutOfRangeException>(() => IalsTrainer.FoldIn(model, [3, 20]));
        Assert.Throws<ArgumentException>(() => IalsTrainer.FoldIn(model, [3, 4], ratings: [1f]));
    }

    [Fact]
    public void Cancellation_stops_training()
    {
        var (train, _) = ImplicitData.Planted(200, 50, rank: 2, perUser: 5, heldOut: 0, seed: 7);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => IalsTrainer.Train(train, 50, cancellation: cancelled.Token));
    }

    [Fact]
    public void Progress_reports_each_iteration_with_its_time()
    {
        var (train, _) = ImplicitData.Planted(60, 30, rank: 2, perUser: 5, heldOut: 0, seed: 8);
        var seen = new List<IalsIteration>();
        IalsTrainer.Train(train, 30, new IalsOptions { Factors = 4, Iterations = 3 }, new Recorder(seen.Add));
        Assert.Equal([0, 1, 2], seen.Select(i => i.Iteration));
        Assert.All(seen, i => Assert.True(i.Seconds >= 0 && double.IsFinite(i.Loss)));
    }

    [Fact]
    public void The_objective_reported_matches_a_direct_sum_over_all_pairs()
    {
        var (train, _) = ImplicitData.Planted(30, 12, rank: 2, perUser: 4, heldOut: 0, seed: 9);
        var options = new IalsOptions { Factors = 3, Iterations = 1, ConfidenceScale = 1 };
        double reported = 0;
        var model = IalsTrainer.Train(train, 12, options, new Recorder(it => reported = it.Loss));
        double direct = 0;
        var itemCounts = new int[12];
        for (int u = 0; u < 30; u++)
        {
            foreach (int i in train.ItemsOf(u))
                itemCounts[i]++;
        }
        for (int u = 0; u < 30; u++)
        {
            var items = train.ItemsOf(u).ToArray();
            for (int i = 0; i < 12; i++)
            {
                double score = model.RawScore(u, i);
                direct += options.UnobservedWeight * score * score;
                if (items.Contains(i))
                    direct += 2 * (score - 1) * (score - 1); // c = 1 + 1·1
            }
            direct += IalsSolver.RowRegularization(options, items.Length, 12) * model.UserFactors.Row(u).ToArray().Sum(x => (double)x * x);
        }
        for (int i = 0; i < 12; i++)
            direct += IalsSolver.RowRegularization(options, itemCounts[i], 30) * model.ItemFactors.Row(i).ToArray().Sum(x => (double)x * x);
        Assert.Equal(direct, reported, direct * 1e-5);
    }

    private sealed class Recorder(Action<IalsIteration> onReport) : IProgress<IalsIteration>
    {
        public void Report(IalsIteration value) => onReport(value);
    }
}
