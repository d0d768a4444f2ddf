using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;
using Collab.Data;
using Collab.Models;

namespace Collab.Training;

/// <summary>
/// Fast mode for the dot-bias model: a batch's gradient is gathered into compact per-worker buffers (one
/// slot per distinct row the batch touches) and only those rows are updated, by row-wise RMSprop
/// (<see cref="RowRmsKernel"/>) or lazy Adam; decoupled decay is applied when a row is touched, and bias
/// correction uses the global step count. Workers share the tables without locks (Hogwild); with one
/// worker the run is deterministic.
/// </summary>
internal sealed class FastDotBiasEngine : IOptimizerState
{
    private readonly DotBiasModel _model;
    private readonly AdamOptions _adam;
    private readonly FastOptimizer _optimizer;
    private readonly float[][] _first;
    private readonly float[][] _second;

    // Row-wise RMSprop's state, per table (users, items): the factor row's second moment and the bias's side by
    // side (2·row, 2·row + 1), so one cache line and one page hold both.
    private readonly float[][] _rowState;
    private readonly FastWorkspace[] _workspaces;
    private readonly double? _biasWeightDecay;

    // Prefetch distance in ratings: a rating's rows are fetched this many ratings before it is trained.
    private const int RowsAhead = 8;

    public FastDotBiasEngine(DotBiasModel model, AdamOptions adam, FastOptimizer optimizer, int workers, int batchSize, double? biasWeightDecay)
    {
        _biasWeightDecay = biasWeightDecay;
        _optimizer = optimizer;
        _model = model;
        _adam = adam;
        bool adamState = optimizer == FastOptimizer.LazyAdam;
        _first = [.. model.Parameters.Select(p => adamState ? new float[p.Values.Length] : [])];
        _second = [.. model.Parameters.Select(p => adamState ? new float[p.Values.Length] : [])];
        _rowState = adamState ? [[], []] : [new float[2 * model.UserCount], new float[2 * model.ItemCount]];
        _workspaces = [.. Enumerable.Range(0, workers).Select(_ => new FastWorkspace(model.Factors, batchSize))];
    }

    public int Workers => _workspaces.Length;

    public int StepCount { get; set; }

    public ReadOnlySpan<float> FirstMoment(int parameter) => _first[parameter];

    public ReadOnlySpan<float> SecondMoment(int parameter)
    {
        if (_optimizer == FastOptimizer.LazyAdam)
            return _second[parameter];
        // Row-wise RMSprop: tables 0 and 2 (user factors and biases) share the user state, 1 and 3 the item state.
        var state = _rowState[parameter % 2];
        var moments = new float[state.Length / 2];
        for (int row = 0; row < moments.Length; row++)
            moments[row] = state[2 * row + parameter / 2];
        return moments;
    }

    /// <summary>
    /// Trains one batch of training rows on one worker and returns its mean squared error. <paramref name="next"/>
    /// is the worker's next batch (or empty): its first rows are prefetched while this batch ends.
    /// </summary>
    public double TrainBatch(int worker, EncodedRatings train, ReadOnlySpan<int> rows, ReadOnlySpan<int> next, double learningRate, double beta1,
        double weightDecay, int step, Span<float> predictions) =>
        _optimizer == FastOptimizer.LazyAdam
            ? TrainBatchAdam(_workspaces[worker], train, rows, learningRate, beta1, weightDecay, step, predictions)
            : TrainBatchRms(_workspaces[worker], train, rows, next, learningRate, weightDecay, step, predictions);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double TrainBatchAdam(FastWorkspace ws, EncodedRatings train, ReadOnlySpan<int> rows, double learningRate, double beta1, double weightDecay, int step, Span<float> predictions)
    {
        ws.Begin();
        int k = _model.Factors;
        var users = train.Users;
        var items = train.Items;
        var ratings = train.Ratings;
        float scale = 2f / rows.Length;
        double loss = 0;
        for (int b = 0; b < rows.Length; b++)
        {
            int row = rows[b];
            int u = users[row];
            int i = items[row];
            int su = ws.UserSlot(u);
            int si = ws.ItemSlot(i);
            float error = DotBiasKernels.Accumulate(_model, u, i, ratings[row], scale,
                ws.UserGradients.AsSpan(su * k, k), ws.ItemGradients.AsSpan(si * k, k),
                ref ws.UserBiasGradients[su], ref ws.ItemBiasGradients[si], out predictions[b]);
            loss += (double)error * error;
        }
        var adam = AdamStep.Create(learningRate, beta1, _adam.Beta2, _adam.Epsilon, weightDecay, step, decay: true);
        UpdateAdam(0, 2, ws.TouchedUsers, ws.UserGradients, ws.UserBiasGradients, k, adam);
        UpdateAdam(1, 3, ws.TouchedItems, ws.ItemGradients, ws.ItemBiasGradients, k, adam);
        return loss / rows.Length;
    }

    // Row-wise RMSprop, fused, in four passes over the batch with nothing allocated:
    // 0. gather the batch's encoded ratings into the worker's buffers (their lines were prefetched during the
    //    worker's previous batch, so the shuffled order's random reads do not stall);
    // 1. each rating's raw score: short independent iterations, so the core overlaps many ratings' loads, with
    //    the rows of the rating RowsAhead places on and the encoded lines of the next batch prefetched;
    // 2. output range, error and the gradient with respect to the score;
    // 3. scatter the gradients into the batch's slots (a row's first rating stores, later ones add, so slots
    //    are never cleared);
    // then one pass over the touched rows applies the update (RowKernels.RmsStep).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double TrainBatchRms(FastWorkspace ws, EncodedRatings train, ReadOnlySpan<int> rows, ReadOnlySpan<int> next, double learningRate,
        double weightDecay, int step, Span<float> predictions)
    {
        ws.Begin();
        int k = _model.Factors;
        int n = rows.Length;
        bool prefetch = Sse.IsSupported;
        var batchUsers = ws.BatchUsers;
        var batchItems = ws.BatchItems;
        var batchRatings = ws.BatchRatings;
        var users = train.UsersArray;
        var items = train.ItemsArray;
        var ratings = train.RatingsArray;
        // 0. Gather.
        for (int b = 0; b < n; b++)
        {
            int row = rows[b];
            batchUsers[b] = users[row];
            batchItems[b] = items[row];
            batchRatings[b] = ratings[row];
            if (prefetch && b < RowsAhead)
                PrefetchRows(ws, batchUsers[b], batchItems[b], k);
        }

        ref float userFactors = ref MemoryMarshal.GetArrayDataReference(_model.UserFactors.Values);
        ref float itemFactors = ref MemoryMarshal.GetArrayDataReference(_model.ItemFactors.Values);
        var userBias = _model.UserBias.Values;
        var itemBias = _model.ItemBias.Values;
        ref float userGradients = ref MemoryMarshal.GetArrayDataReference(ws.UserGradients);
        ref float itemGradients = ref MemoryMarshal.GetArrayDataReference(ws.ItemGradients);
        var userBiasGradients = ws.UserBiasGradients;
        var itemBiasGradients = ws.ItemBiasGradients;
        bool hasRange = _model.YRange.HasValue;
        float low = _model.YRange.GetValueOrDefault().Low;
        float width = _model.YRange.GetValueOrDefault().Width;
        float scale = 2f / n;
        double loss = 0;
        // 1. Scores.
        var raw = ws.BatchScores;
        for (int b = 0; b < n; b++)
        {
            if (prefetch)
            {
                if (b + RowsAhead < n)
                    PrefetchRows(ws, batchUsers[b + RowsAhead], batchItems[b + RowsAhead], k);
                if (b < next.Length)
                {
                    int nextRow = next[b];
                    PrefetchLine(ref users[nextRow]);
                    PrefetchLine(ref items[nextRow]);
                    PrefetchLine(ref ratings[nextRow]);
                }
            }
            int u = batchUsers[b];
            int i = batchItems[b];
            raw[b] = RowKernels.Dot(ref Unsafe.Add(ref userFactors, (nint)u * k), ref Unsafe.Add(ref itemFactors, (nint)i * k), k) + userBias[u] + itemBias[i];
        }
        // 2. Output range (OutputActivation.Apply, inlined), error and dL/draw.
        for (int b = 0; b < n; b++)
        {
            float prediction = raw[b], slope = 1f;
            if (hasRange)
            {
                float sigmoid = 1f / (1f + MathF.Exp(-raw[b]));
                slope = width * sigmoid * (1f - sigmoid);
                prediction = low + width * sigmoid;
            }
            predictions[b] = prediction;
            float error = prediction - batchRatings[b];
            raw[b] = scale * error * slope;
            loss += (double)error * error;
        }
        // 3. Scatter.
        for (int b = 0; b < n; b++)
        {
            int u = batchUsers[b];
            int i = batchItems[b];
            float d = raw[b];
            int su = ws.UserSlot(u, out bool newUser);
            int si = ws.ItemSlot(i, out bool newItem);
            RowKernels.AddScaled(ref Unsafe.Add(ref userGradients, su * k), ref Unsafe.Add(ref itemFactors, (nint)i * k), d, k, newUser);
            RowKernels.AddScaled(ref Unsafe.Add(ref itemGradients, si * k), ref Unsafe.Add(ref userFactors, (nint)u * k), d, k, newItem);
            userBiasGradients[su] = newUser ? d : userBiasGradients[su] + d;
            itemBiasGradients[si] = newItem ? d : itemBiasGradients[si] + d;
        }
        var rms = RowRmsStep.Create(learningRate, _adam.Beta2, _adam.Epsilon, weightDecay, step);
        var biasRms = RowRmsStep.Create(learningRate, _adam.Beta2, _adam.Epsilon, _biasWeightDecay ?? weightDecay, step);
        UpdateRms(0, 2, ws.TouchedUsers, ws.UserGradients, ws.UserBiasGradients, k, rms, biasRms);
        UpdateRms(1, 3, ws.TouchedItems, ws.ItemGradients, ws.ItemBiasGradients, k, rms, biasRms);
        return loss / n;
    }

    // The lines a rating of (u, i) reads: both factor rows, their biases and their optimizer state.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PrefetchRows(FastWorkspace ws, int u, int i, int k)
    {
        PrefetchRow(ref _model.UserFactors.Values[u * k], k);
        PrefetchRow(ref _model.ItemFactors.Values[i * k], k);
        PrefetchLine(ref _model.UserBias.Values[u]);
        PrefetchLine(ref _model.ItemBias.Values[i]);
        PrefetchLine(ref _rowState[0][2 * u]);
        PrefetchLine(ref _rowState[1][2 * i]);
    }

    // A prefetch never faults, so a reference that the collector moves meanwhile costs nothing but the hint.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchLine<T>(ref T at) => Sse.Prefetch0(Unsafe.AsPointer(ref at));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void PrefetchRow(ref float row, int k)
    {
        byte* start = (byte*)Unsafe.AsPointer(ref row);
        int bytes = k * sizeof(float);
        for (int offset = 0; offset < bytes; offset += 64)
            Sse.Prefetch0(start + offset);
        Sse.Prefetch0(start + bytes - 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateRms(int factorTable, int biasTable, ReadOnlySpan<int> touched, float[] gradients, float[] biasGradients, int k, in RowRmsStep step, in RowRmsStep biasStep)
    {
        ref float p = ref MemoryMarshal.GetArrayDataReference(_model.Parameters[factorTable].Values);
        ref float g = ref MemoryMarshal.GetArrayDataReference(gradients);
        var state = _rowState[factorTable];
        var pb = _model.Parameters[biasTable].Values;
        for (int slot = 0; slot < touched.Length; slot++)
        {
            int row = touched[slot];
            ref float v = ref state[2 * row];
            v = RowKernels.RmsStep(ref Unsafe.Add(ref p, (nint)row * k), ref Unsafe.Add(ref g, slot * k), k, v, step);
            ref float vb = ref Unsafe.Add(ref v, 1);
            vb = RowKernels.RmsStep(ref pb[row], ref biasGradients[slot], 1, vb, biasStep);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateAdam(int factorTable, int biasTable, ReadOnlySpan<int> touched, float[] gradients, float[] biasGradients, int k, AdamStep step)
    {
        var (p, m, v) = (_model.Parameters[factorTable].Values, _first[factorTable], _second[factorTable]);
        var (pb, mb, vb) = (_model.Parameters[biasTable].Values, _first[biasTable], _second[biasTable]);
        for (int slot = 0; slot < touched.Length; slot++)
        {
            int row = touched[slot];
            int at = row * k;
            AdamKernel.Step(p.AsSpan(at, k), gradients.AsSpan(slot * k, k), m.AsSpan(at, k), v.AsSpan(at, k), step);
            AdamKernel.StepScalar(pb.AsSpan(row, 1), biasGradients.AsSpan(slot, 1), mb.AsSpan(row, 1), vb.AsSpan(row, 1), step);
        }
    }
}
