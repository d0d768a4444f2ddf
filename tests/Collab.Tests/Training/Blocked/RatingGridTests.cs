using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Tests.Support;
using Collab.Training;
using Collab.Training.Blocked;

namespace Collab.Tests.Training.Blocked;

public sealed class RatingGridTests
{
    [Fact]
    public void The_grid_holds_every_training_rating_once_in_the_block_of_its_rows()
    {
        var random = new SeededRandom(4);
        const int users = 500, items = 300, n = 20_000;
        int[] u = [.. Enumerable.Range(0, n).Select(_ => random.NextInt(users))];
        int[] i = [.. Enumerable.Range(0, n).Select(_ => random.NextInt(items))];
        float[] r = [.. Enumerable.Range(0, n).Select(j => 0.5f * (1 + j % 10))];
        var grid = RatingGrid.Build(new EncodedRatings(u, i, r), users, items, rowBytes: 256, new SeededRandom(7), threads: 2);

        Assert.Equal(RatingGrid.MinSide, grid.Side);
        Assert.Equal(Enumerable.Range(0, users), grid.UserRow.Order());
        Assert.Equal(Enumerable.Range(0, items), grid.ItemRow.Order());
        var userOf = Inverse(grid.UserRow);
        var itemOf = Inverse(grid.ItemRow);
        var found = new List<(int, int, float)>();
        for (int block = 0; block < grid.Blocks; block++)
        {
            for (int at = grid.BlockStart[block]; at < grid.BlockStart[block + 1]; at++)
            {
                int userOffset = grid.Keys[at] >>> 16, itemOffset = grid.Keys[at] & 0xFFFF;
                Assert.InRange(userOffset, 0, grid.UsersPerBlock - 1);
                Assert.InRange(itemOffset, 0, grid.ItemsPerBlock - 1);
                found.Add((userOf[grid.FirstUserRow(block) + userOffset], itemOf[grid.FirstItemRow(block) + itemOffset], grid.Ratings[at]));
            }
        }
        Assert.Equal(u.Zip(i, r).Select(t => (t.First, t.Second, t.Third)).Order(), found.Order());
    }

    [Fact]
    public void Most_groups_of_four_neighbouring_ratings_share_no_user_and_no_item()
    {
        var table = Collab.Data.Synthetic.SyntheticRatings.Create(new() { Users = 3000, Items = 800, Ratings = 200_000, Seed = 2 }).ToTable();
        var data = CollabData.FromTable(table, 0.0, 1);
        var grid = RatingGrid.Build(data.Train, data.Users.Count, data.Items.Count, rowBytes: 256, new SeededRandom(1), threads: 1);
        int groups = 0, clear = 0;
        for (int block = 0; block < grid.Blocks; block++)
        {
            var keys = grid.Keys.AsSpan(grid.BlockStart[block], grid.BlockStart[block + 1] - grid.BlockStart[block]);
            // Four interleaved runs of users, and swaps that move a rating sharing an item with its group a few groups on.
            for (int group = 0; group + 4 <= keys.Length; group += 4)
            {
                groups++;
                var users = keys.Slice(group, 4).ToArray().Select(k => k >>> 16).ToArray();
                var itemsOf = keys.Slice(group, 4).ToArray().Select(k => k & 0xFFFF).ToArray();
                if (users.Distinct().Count() == 4 && itemsOf.Distinct().Count() == 4)
                    clear++;
            }
        }
        Assert.InRange(clear / (double)groups, 0.8, 1.0);
    }

    [Theory]
    [InlineData(610, 9724, 256, 16)]
    [InlineData(162_000, 59_000, 256, 29)]
    [InlineData(3_000_000, 100, 256, 46)]
    public void Item_blocks_fit_half_a_cores_L2_and_offsets_fit_sixteen_bits(int users, int items, int rowBytes, int side)
    {
        Assert.Equal(side, RatingGrid.SideFor(users, items, rowBytes));
        Assert.True((items + side - 1) / side * rowBytes <= RatingGrid.ItemBytesPerBlock || side == RatingGrid.MinSide);
        Assert.True((users + side - 1) / side <= 1 << 16);
    }

    [Fact]
    public void The_scheduler_deals_each_block_once_an_epoch_in_a_seeded_order_and_keeps_held_blocks_apart()
    {
        var table = Some.PlantedRatings(200, 150, 2, 0.5, 0.1, 3);
        var data = CollabData.FromTable(table, 0.0, 1);
        var grid = RatingGrid.Build(data.Train, data.Users.Count, data.Items.Count, 256, new SeededRandom(1), 1);
        var nonEmpty = Enumerable.Range(0, grid.Blocks).Where(b => grid.BlockStart[b + 1] > grid.BlockStart[b]).ToArray();
        var scheduler = new BlockScheduler(grid);

        int[] Epoch(ulong seed)
        {
            scheduler.BeginEpoch(new SeededRandom(seed));
            var order = new List<int>();
            for (int block = scheduler.Next(-1); block >= 0; block = scheduler.Next(block))
                order.Add(block);
            return [.. order];
        }
        var first = Epoch(5);
        Assert.Equal(nonEmpty, first.Order());
        Assert.Equal(first, Epoch(5));
        Assert.NotEqual(first, Epoch(6));

        // Two workers: while some pending block is free of both, the blocks they hold share no user or item block.
        scheduler.BeginEpoch(new SeededRandom(8));
        int a = scheduler.Next(-1), b = scheduler.Next(-1), dealt = 2;
        while (a >= 0 && b >= 0 && dealt < nonEmpty.Length / 2)
        {
            Assert.NotEqual(a / grid.Side, b / grid.Side);
            Assert.NotEqual(a % grid.Side, b % grid.Side);
            (a, b) = (b, scheduler.Next(a));
            dealt++;
        }
    }

    [Fact]
    public void One_thread_fast_mode_trains_the_grids_ratings_one_by_one_in_the_schedulers_order()
    {
        // The stepper's batches, schedule, step counts, packing and groups of four against the per-rating update
        // applied plainly (the scalar kernel) in the order the grid and the scheduler give, with the epoch's
        // last partial batch left out as the Learner does.
        var table = Some.PlantedRatings(60, 45, 2, 0.5, 0.2, 4);
        var data = CollabData.FromTable(table, 0.2, 1);
        var dotOptions = new DotBiasOptions { Factors = 6, YRange = new(0f, 5.5f) };
        var options = new LearnerOptions { Mode = TrainingMode.Fast, Threads = 1, BatchSize = 8, Seed = 3, BiasWeightDecay = 0.01 };
        var trained = DotBiasModel.Create(data.Users.Count, data.Items.Count, dotOptions, new SeededRandom(2));
        var learner = new Learner(data, trained, options);
        const int epochs = 2;
        const double lrMax = 0.02, wd = 0.1;
        learner.FitOneCycle(epochs, lrMax, wd);

        var reference = DotBiasModel.Create(data.Users.Count, data.Items.Count, dotOptions, new SeededRandom(2));
        var users = new PackedRows(reference.UserCount, 6);
        var items = new PackedRows(reference.ItemCount, 6);
        var grid = RatingGrid.Build(data.Train, reference.UserCount, reference.ItemCount, users.RowBytes, SeededRandom.ForStream(3, SeedStream.Grid), 1);
        var scheduler = new BlockScheduler(grid);
        var shuffle = SeededRandom.ForStream(3, SeedStream.Shuffle);
        users.Load(reference.UserFactors, reference.UserBias, grid.UserRow);
        items.Load(reference.ItemFactors, reference.ItemBias, grid.ItemRow);
        int batches = learner.BatchesPerEpoch;
        var schedule = new OneCycleSchedule(lrMax, epochs * batches);
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            scheduler.BeginEpoch(shuffle);
            var stream = new List<int>();
            for (int block = scheduler.Next(-1); block >= 0; block = scheduler.Next(block))
                stream.AddRange(Enumerable.Range(grid.BlockStart[block], grid.BlockStart[block + 1] - grid.BlockStart[block]).Select(at => at * grid.Side * grid.Side + block));
            for (int batch = 0; batch < batches; batch++)
            {
                int t = epoch * batches + batch + 1;
                var step = RatingStep.Create(reference.YRange, 8, 6, schedule.At(t - 1).LearningRate, 0.99, 1e-5, wd, 0.01, t);
                for (int r = batch * 8; r < batch * 8 + 8; r++)
                {
                    int block = stream[r] % (grid.Side * grid.Side), at = stream[r] / (grid.Side * grid.Side);
                    int key = grid.Keys[at];
                    RatingKernel.TrainScalar(ref users.Row(grid.FirstUserRow(block) + (key >>> 16)), ref items.Row(grid.FirstItemRow(block) + (key & 0xFFFF)),
                        users.PaddedFactors, grid.Ratings[at], step, out _);
                }
            }
        }
        users.Store(reference.UserFactors, reference.UserBias, grid.UserRow);
        items.Store(reference.ItemFactors, reference.ItemBias, grid.ItemRow);
        for (int p = 0; p < 4; p++)
            Close.All(reference.Parameters[p].Values, trained.Parameters[p].Values, 1e-4, reference.Parameters[p].Name);
        Close.All(users.Moments(grid.UserRow, bias: false), learner.Optimizer.SecondMoment(0), 1e-6, "user factor moments");
        Close.All(items.Moments(grid.ItemRow, bias: true), learner.Optimizer.SecondMoment(3), 1e-6, "item bias moments");
    }

    private static int[] Inverse(int[] permutation)
    {
        var inverse = new int[permutation.Length];
        for (int j = 0; j < permutation.Length; j++)
            inverse[permutation[j]] = j;
        return inverse;
    }
}
