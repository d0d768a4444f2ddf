using System.Runtime.CompilerServices;
using Collab.Data;
using Collab.Models;
using Collab.Training.Optimizers;

namespace Collab.Training;

/// <summary>
/// Fast mode's lazy Adam (<see cref="FastOptimizer.LazyAdam"/>) for the dot-bias model: a batch's gradient is
/// gathered into compact per-worker buffers (one slot per distinct row the batch touches) and only those rows take
/// an Adam step, with Adam's per-element moments; decoupled decay is applied when a row is touched, and bias
/// correction uses the global step count. Workers share the tables without locks (Hogwild); with one worker the run
/// is deterministic. A row touched at every step gets exactly exact mode's update.
/// </summary>
internal sealed class LazyAdamEngine : IOptimizerState
{
    private readonly DotBiasModel _model;
    private readonly AdamOptions _adam;
    private readonly float[][] _first;
    private readonly float[][] _second;
    private readonly FastWorkspace[] _workspaces;
    private readonly double? _biasWeightDecay;

    public LazyAdamEngine(DotBiasModel model, AdamOptions adam, int workers, int batchSize, double? biasWeightDecay)
    {
        _biasWeightDecay = biasWeightDecay;
        _model = model;
        _adam = adam;
        _first = [.. model.Parameters.Select(p => new float[p.Values.Length])];
        _second = [.. model.Parameters.Select(p => new float[p.Values.Length])];
        _workspaces = [.. Enumerable.Range(0, workers).Select(_ => new FastWorkspace(model.Factors, batchSize))];
    }

    public int Workers => _workspaces.Length;

    public int StepCount { get; set; }

    public ReadOnlySpan<float> FirstMoment(int parameter) => _first[parameter];

    public ReadOnlySpan<float> SecondMoment(int parameter) => _second[parameter];

    /// <summary>Trains one batch of training rows on one worker and returns its mean squared error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double TrainBatch(int worker, EncodedRatings train, ReadOnlySpan<int> rows, double learningRate, double beta1, double weightDecay,
        int step, Span<float> predictions)
    {
        var ws = _workspaces[worker];
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
        var biasAdam = AdamStep.Create(learningRate, beta1, _adam.Beta2, _adam.Epsilon, _biasWeightDecay ?? weightDecay, step, decay: true);
        Update(0, 2, ws.TouchedUsers, ws.UserGradients, ws.UserBiasGradients, k, adam, biasAdam);
        Update(1, 3, ws.TouchedItems, ws.ItemGradients, ws.ItemBiasGradients, k, adam, biasAdam);
        return loss / rows.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Update(int factorTable, int biasTable, ReadOnlySpan<int> touched, float[] gradients, float[] biasGradients, int k, AdamStep step, AdamStep biasStep)
    {
        var (p, m, v) = (_model.Parameters[factorTable].Values, _first[factorTable], _second[factorTable]);
        var (pb, mb, vb) = (_model.Parameters[biasTable].Values, _first[biasTable], _second[biasTable]);
        for (int slot = 0; slot < touched.Length; slot++)
        {
            int row = touched[slot];
            int at = row * k;
            AdamKernel.Step(p.AsSpan(at, k), gradients.AsSpan(slot * k, k), m.AsSpan(at, k), v.AsSpan(at, k), step);
            AdamKernel.StepScalar(pb.AsSpan(row, 1), biasGradients.AsSpan(slot, 1), mb.AsSpan(row, 1), vb.AsSpan(row, 1), biasStep);
        }
    }
}
