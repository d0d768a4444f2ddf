using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Collab.Data;
using Collab.Models;
using Collab.Numerics;
using Collab.Training.Blocked;
using Collab.Training.Optimizers;

namespace Collab.Training;

/// <summary>
/// Fast mode for the dot-bias model: one row-wise RMSprop step per rating (<see cref="RatingKernel"/>) over the
/// ratings laid out in a <see cref="RatingGrid"/>, on packed copies of the tables (<see cref="PackedRows"/>).
/// Each epoch the <see cref="BlockScheduler"/> deals the blocks in a fresh random order; every worker trains a
/// stream of blocks, and two workers never hold blocks that share rows (but for the epoch's last few blocks).
/// The Learner's batches are the streams' consecutive runs of batch-size ratings: batch j of a group goes to
/// whichever worker claims it next, is trained at that batch's scheduled learning rate, and reports its ratings'
/// mean squared error. The model's tables are copied into the packed rows when an epoch starts and back out
/// whenever the Learner synchronizes (before validation, at the end of a fit, when a callback reads parameters).
/// </summary>
internal sealed class BlockedBatchStepper : BatchStepper, IOptimizerState
{
    /// <summary>Batches each worker trains between two rounds of callbacks (amortises the fork/join).</summary>
    private const int BatchesPerWorker = 1024;

    // Prefetch distance in ratings: an item row is fetched this many ratings before it is trained.
    private const int RowsAhead = 8;

    private readonly DotBiasModel _model;
    private readonly LearnerOptions _options;
    private readonly RatingGrid _grid;
    private readonly PackedRows _users;
    private readonly PackedRows _items;
    private readonly BlockScheduler _scheduler;
    private readonly BlockStream[] _streams;
    private int _claimed;
    private bool _packedAhead;

    public BlockedBatchStepper(EncodedRatings train, DotBiasModel model, LearnerOptions options)
        : base(options.Threads * BatchesPerWorker, options.BatchSize, train.Count)
    {
        _model = model;
        _options = options;
        _users = new PackedRows(model.UserCount, model.Factors);
        _items = new PackedRows(model.ItemCount, model.Factors);
        _grid = RatingGrid.Build(train, model.UserCount, model.ItemCount, _users.RowBytes, SeededRandom.ForStream(options.Seed, SeedStream.Grid), options.Threads);
        _scheduler = new BlockScheduler(_grid);
        _streams = [.. Enumerable.Range(0, options.Threads).Select(_ => new BlockStream())];
    }

    public override IOptimizerState State => this;

    public int StepCount { get; private set; }

    public ReadOnlySpan<float> FirstMoment(int parameter) => [];

    public ReadOnlySpan<float> SecondMoment(int parameter) =>
        (parameter % 2 == 0 ? _users : _items).Moments(parameter % 2 == 0 ? _grid.UserRow : _grid.ItemRow, bias: parameter >= 2);

    /// <summary>Copies the model in, deals the epoch's blocks; the Learner's order is not used.</summary>
    public override int[]? BeginEpoch(SeededRandom random, RowSampling sampling = RowSampling.Permutation)
    {
        Synchronize();
        _users.Load(_model.UserFactors, _model.UserBias, _grid.UserRow);
        _items.Load(_model.ItemFactors, _model.ItemBias, _grid.ItemRow);
        _scheduler.BeginEpoch(random);
        foreach (var stream in _streams)
            stream.Reset();
        return null;
    }

    public override bool TrainsAlongside => _streams.Length > 1;

    public override void Run(BatchGroup group, int[]? order, int offset, double weightDecay) =>
        Run(group, order, offset, weightDecay, static () => { });

    /// <summary>Starts the other workers on the group, runs <paramref name="alongside"/>, then joins them in claiming its batches.</summary>
    public override void Run(BatchGroup group, int[]? order, int offset, double weightDecay, Action alongside)
    {
        ArgumentNullException.ThrowIfNull(alongside);
        if (order is not null)
            throw new NotSupportedException("Fast mode trains in its own block order; a fixed epoch order needs exact mode.");
        _claimed = -1;
        int firstStep = StepCount + 1;
        var helpers = new Task[_streams.Length - 1];
        for (int worker = 1; worker < _streams.Length; worker++)
        {
            int helper = worker;
            helpers[worker - 1] = Task.Run(() => TrainClaims(helper, group, weightDecay, firstStep));
        }
        try
        {
            alongside();
        }
        finally
        {
            TrainClaims(0, group, weightDecay, firstStep);
            Task.WaitAll(helpers);
            StepCount += group.Count;
            _packedAhead = true;
        }
    }

    /// <summary>Copies the packed rows out to the model's tables.</summary>
    public override void Synchronize()
    {
        if (!_packedAhead)
            return;
        _users.Store(_model.UserFactors, _model.UserBias, _grid.UserRow);
        _items.Store(_model.ItemFactors, _model.ItemBias, _grid.ItemRow);
        _packedAhead = false;
    }

    // Claims the group's batches one at a time until none is left or the epoch's blocks run out for this worker.
    private void TrainClaims(int worker, BatchGroup group, double weightDecay, int firstStep)
    {
        var stream = _streams[worker];
        while (stream.HasRatings || stream.Advance(_scheduler, _grid))
        {
            int j = Interlocked.Increment(ref _claimed);
            if (j >= group.Count)
                return;
            TrainBatch(stream, group, j, weightDecay, firstStep + j);
        }
    }

    private void TrainBatch(BlockStream stream, BatchGroup group, int j, double weightDecay, int step)
    {
        var (learningRate, _) = group.Rates(j);
        var adam = _options.Adam;
        var s = RatingStep.Create(_model.YRange, group.BatchSize, _model.Factors, learningRate, adam.Beta2, adam.Epsilon,
            weightDecay, _options.BiasWeightDecay ?? weightDecay, step);
        var predictions = group.Predictions(j).Span;
        int done = 0;
        double loss = 0;
        while (done < predictions.Length && (stream.HasRatings || stream.Advance(_scheduler, _grid)))
        {
            int count = Math.Min(predictions.Length - done, stream.End - stream.Position);
            loss += TrainRun(stream.Block, stream.Position, count, s, predictions.Slice(done, count));
            stream.Position += count;
            done += count;
        }
        // Only the epoch's last batches can come up short, when the other workers hold the remaining ratings.
        group.Losses[j] = loss / Math.Max(1, done);
    }

    // Trains `count` ratings of a block from `start` on, in the block's order (by user).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double TrainRun(int block, int start, int count, in RatingStep s, Span<float> predictions)
    {
        int stride = _users.Stride;
        int paddedFactors = _users.PaddedFactors;
        ref float users = ref _users.Row(_grid.FirstUserRow(block));
        ref float items = ref _items.Row(_grid.FirstItemRow(block));
        var keys = _grid.Keys;
        var ratings = _grid.Ratings;
        int blockEnd = _grid.BlockStart[block + 1];
        bool prefetch = Sse.IsSupported;
        bool byFour = Avx2.IsSupported && Fma.IsSupported;
        double loss = 0;
        int end = start + count;
        int at = start;
        ref float predicted = ref MemoryMarshal.GetReference(predictions);
        // Ratings four at a time (the grid interleaves four runs of users, so neighbours rarely share a user); four
        // that share a user or an item are trained one after the other.
        for (; at + 3 < end; at += 4)
        {
            if (prefetch && at + RowsAhead + 3 < blockEnd)
            {
                for (int ahead = at + RowsAhead; ahead < at + RowsAhead + 4; ahead++)
                    PrefetchRow(ref ItemOf(ref items, keys[ahead], stride), _items.RowBytes);
            }
            int keyA = keys[at], keyB = keys[at + 1], keyC = keys[at + 2], keyD = keys[at + 3];
            if (byFour && Disjoint(keyA >>> 16, keyB >>> 16, keyC >>> 16, keyD >>> 16) && Disjoint(keyA & 0xFFFF, keyB & 0xFFFF, keyC & 0xFFFF, keyD & 0xFFFF))
            {
                loss += RatingKernel.TrainFour(
                    ref UserOf(ref users, keyA, stride), ref ItemOf(ref items, keyA, stride),
                    ref UserOf(ref users, keyB, stride), ref ItemOf(ref items, keyB, stride),
                    ref UserOf(ref users, keyC, stride), ref ItemOf(ref items, keyC, stride),
                    ref UserOf(ref users, keyD, stride), ref ItemOf(ref items, keyD, stride),
                    paddedFactors, Vector128.LoadUnsafe(ref ratings[at]), s, out var four);
                four.StoreUnsafe(ref predicted, (nuint)(at - start));
            }
            else
            {
                for (int one = at; one < at + 4; one++)
                    loss += TrainOne(ref users, ref items, keys[one], ratings[one], s, out Unsafe.Add(ref predicted, one - start));
            }
        }
        for (; at < end; at++)
            loss += TrainOne(ref users, ref items, keys[at], ratings[at], s, out Unsafe.Add(ref predicted, at - start));
        return loss;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private float TrainOne(ref float users, ref float items, int key, float rating, in RatingStep s, out float prediction) =>
        RatingKernel.Train(ref UserOf(ref users, key, _users.Stride), ref ItemOf(ref items, key, _items.Stride), _users.PaddedFactors, rating, s, out prediction);

    // A grid key's user and item record: offsets from the block's first rows, in the high and low 16 bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref float UserOf(ref float users, int key, int stride) => ref Unsafe.Add(ref users, (nint)(key >>> 16) * stride);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref float ItemOf(ref float items, int key, int stride) => ref Unsafe.Add(ref items, (nint)(key & 0xFFFF) * stride);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Disjoint(int a, int b, int c, int d) => a != b && a != c && a != d && b != c && b != d && c != d;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchRow(ref float row, int bytes)
    {
        byte* start = (byte*)Unsafe.AsPointer(ref row);
        for (int offset = 0; offset < bytes; offset += 64)
            Sse.Prefetch0(start + offset);
    }
}
