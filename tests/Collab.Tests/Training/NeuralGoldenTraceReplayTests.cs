using System.Text.Json;
using Collab.Data;
using Collab.Models;
using Collab.Models.Neural;
using Collab.Numerics;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Training;

/// <summary>
/// Replays the real fastai 2.7.18 run of <c>EmbeddingNN</c> recorded in the neural golden trace, batch by batch,
/// with the trace README's tolerances (per-tensor rule |Δ| ≤ 1e-6 + 2e-6·max|trace| for gradients and Adam state).
/// </summary>
public sealed class NeuralGoldenTraceReplayTests
{
    private const string BatchNorm = "layers.0.2";
    private readonly GoldenTrace _trace = GoldenTrace.LoadNeural();

    [Fact]
    public void Structure_weight_decay_groups_and_embedding_sizes_match_fastai()
    {
        var (_, model) = Setup();
        Assert.Equal(7, model.UserEmbedding.Columns);
        Assert.Equal(6, model.ItemEmbedding.Columns);
        foreach (var parameter in _trace["parameters"].EnumerateArray())
        {
            var name = parameter.GetProperty("name").GetString()!;
            if (name.StartsWith("bn_cont", StringComparison.Ordinal))
                continue;
            var tensor = model.Parameters.Single(p => p.Name == name);
            Assert.Equal(parameter.GetProperty("do_wd").GetBoolean(), tensor.DecayWeights);
            Assert.Equal(parameter.GetProperty("shape").EnumerateArray().Aggregate(1, (n, d) => n * d.GetInt32()), tensor.Values.Length);
        }
    }

    [Fact]
    public void First_step_forward_and_gradients_match_fastai()
    {
        var (data, model) = Setup();
        var rows = GoldenTrace.Ints(_trace["batches"][0].GetProperty("rows"));
        var predictions = new float[rows.Length];
        model.ForwardBackward(
            [.. rows.Select(r => data.Train.Users[r])], [.. rows.Select(r => data.Train.Items[r])], [.. rows.Select(r => data.Train.Ratings[r])], predictions);
        var forward = _trace["first_step"].GetProperty("forward");
        var workspace = model.TrainingWorkspace!;
        Close.All(GoldenTrace.Flatten(forward.GetProperty("x_emb")), workspace.Inputs[0], 1e-8, "x_emb");
        Close.All(GoldenTrace.Flatten(forward.GetProperty("relu_out")), workspace.Activations[0], 1e-8, "relu_out");
        Close.All(GoldenTrace.Flatten(forward.GetProperty("bn_out")), workspace.Inputs[1], 2e-6, "bn_out");
        Close.All(GoldenTrace.Flatten(forward.GetProperty("lin1_out")), workspace.Outputs, 1e-6, "lin1_out");
        Close.All(GoldenTrace.Flatten(forward.GetProperty("pred")), predictions, 5e-6, "pred");
        foreach (var tensor in model.Parameters)
            ByRule(_trace["first_step"].GetProperty("grads").GetProperty(tensor.Name), tensor.Gradients, $"gradient of {tensor.Name}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // untouched embedding rows' steps deferred for whole epochs
    public void Training_replays_every_batch_epoch_and_final_state(bool readsWeightsEachBatch)
    {
        var (data, model) = Setup();
        var learner = new Learner(data, model, _trace.ReplayOptions());
        var checker = new TraceChecker(_trace, model, learner, readsWeightsEachBatch);
        learner.AddCallback(checker);

        var fit = learner.FitOneCycle(3, 5e-3, 0.1);

        Assert.Equal(21, checker.BatchesChecked);
        for (int e = 0; e < 3; e++)
        {
            var epoch = _trace["epochs"][e];
            Close.Equal(epoch.GetProperty("train_loss").GetDouble(), fit.Epochs[e].TrainLoss, 5e-6, $"epoch {e} train_loss");
            Close.Equal(epoch.GetProperty("valid_loss").GetDouble(), fit.Epochs[e].ValidLoss, 2e-6, $"epoch {e} valid_loss");
        }
        CheckState(_trace["final_params"], _trace["final_buffers"], model, "final");
        for (int t = 0; t < model.Parameters.Count; t++)
        {
            var state = _trace["final_opt_state"].GetProperty(model.Parameters[t].Name);
            ByRule(state.GetProperty("grad_avg"), learner.Optimizer.FirstMoment(t), $"final grad_avg of {model.Parameters[t].Name}");
            ByRule(state.GetProperty("sqr_avg"), learner.Optimizer.SecondMoment(t), $"final sqr_avg of {model.Parameters[t].Name}");
            Assert.Equal(state.GetProperty("step").GetInt32(), learner.Optimizer.StepCount);
        }
        var validPreds = new float[data.Valid.Count];
        model.Predict(data.Valid.Users, data.Valid.Items, validPreds);
        Close.All([.. _trace["valid_predictions"].EnumerateArray().Select(p => (float)p.GetProperty("pred").GetDouble())], validPreds, 2e-6, "valid predictions");
        foreach (var unknown in _trace["unknown_predictions"].EnumerateArray())
        {
            int u = data.Users.Encode(unknown.GetProperty("user").GetString());
            int i = data.Items.Encode(unknown.GetProperty("item").GetString());
            var prediction = new float[1];
            model.Predict([u], [i], prediction);
            Close.Equal(unknown.GetProperty("pred").GetDouble(), prediction[0], 2e-6, "unknown-id prediction");
        }
    }

    /// <summary>Gradient and Adam-state tolerance of the README: |Δ| ≤ 1e-6 + 2e-6·max|trace tensor|.</summary>
    private static void ByRule(JsonElement expected, ReadOnlySpan<float> actual, string what)
    {
        var values = GoldenTrace.Flatten(expected);
        Close.All(values, actual, 1e-6 + 2e-6 * values.Max(v => Math.Abs(v)), what);
    }

    private static void CheckState(JsonElement parameters, JsonElement buffers, EmbeddingNN model, string when)
    {
        foreach (var tensor in model.Parameters)
            Close.All(GoldenTrace.Flatten(parameters.GetProperty(tensor.Name)), tensor.Values, 1e-6, $"{tensor.Name} {when}");
        var layer = model.HiddenLayers[0];
        Close.All(GoldenTrace.Flatten(buffers.GetProperty(BatchNorm + ".running_mean")), layer.RunningMean, 1e-8, $"running_mean {when}");
        Close.All(GoldenTrace.Flatten(buffers.GetProperty(BatchNorm + ".running_var")), layer.RunningVariance, 5e-7, $"running_var {when}");
        Assert.Equal(buffers.GetProperty(BatchNorm + ".num_batches_tracked").GetInt64(), layer.BatchesTracked);
    }

    private (CollabData Data, EmbeddingNN Model) Setup()
    {
        var isValid = File.ReadAllLines(GoldenTrace.CsvPath).Skip(1).Select(l => l.Split(',')[3] == "1").ToArray();
        var split = new DataSplit(
            [.. Enumerable.Range(0, isValid.Length).Where(r => !isValid[r])],
            [.. Enumerable.Range(0, isValid.Length).Where(r => isValid[r])]);
        var data = CollabData.FromTable(RatingsTable.FromFile(GoldenTrace.CsvPath), split, VocabularyScope.AllRows);
        Assert.Equal(GoldenTrace.Strings(_trace["vocab"].GetProperty("user")), data.Users.Ids);
        Assert.Equal(GoldenTrace.Strings(_trace["vocab"].GetProperty("item")), data.Items.Ids);
        var model = EmbeddingNN.CreateEmpty(data.Users.Count, data.Items.Count,
            new EmbeddingNNOptions { Layers = [8], YRange = new OutputRange(0, 5.5f) }, new SeededRandom(0));
        foreach (var tensor in model.Parameters)
            GoldenTrace.Flatten(_trace["init_params"].GetProperty(tensor.Name)).CopyTo(tensor.Values, 0);
        return (data, model);
    }

    /// <summary>Compares each batch (schedule, predictions, losses, batch-norm statistics) and each epoch's state with the trace.</summary>
    private sealed class TraceChecker(GoldenTrace trace, EmbeddingNN model, Learner learner, bool readsWeightsEachBatch) : LearnerCallback
    {
        public override int Order => 100;

        public override bool ReadsParametersEachBatch => readsWeightsEachBatch;

        public int BatchesChecked { get; private set; }

        public override void AfterBatch(TrainingContext context)
        {
            int g = context.GlobalBatch;
            var batch = trace["batches"][g];
            Close.Equal(batch.GetProperty("lr").GetDouble(), context.LearningRate, 1e-9, $"lr of batch {g}");
            Close.Equal(batch.GetProperty("mom").GetDouble(), context.Momentum, 1e-8, $"mom of batch {g}");
            Close.Equal(batch.GetProperty("loss").GetDouble(), context.BatchLoss, 2e-6, $"loss of batch {g}");
            Close.Equal(batch.GetProperty("smooth_loss").GetDouble(), learner.Recorder.SmoothLoss, 5e-6, $"smooth loss of batch {g}");
            Close.All(GoldenTrace.Flatten(batch.GetProperty("pred")), context.BatchPredictions.Span, 5e-6, $"predictions of batch {g}");
            var workspace = model.TrainingWorkspace!;
            Close.All(GoldenTrace.Flatten(batch.GetProperty("bn_batch_mean")), [.. workspace.Mean[0].Select(v => (float)v)], 2e-8, $"batch mean of batch {g}");
            var invStd = GoldenTrace.Doubles(batch.GetProperty("bn_batch_invstd"));
            for (int j = 0; j < invStd.Length; j++)
                Close.Equal(invStd[j], workspace.InvStd[0][j], 2e-6 * invStd[j], $"invstd[{j}] of batch {g}");
            var layer = model.HiddenLayers[0];
            Close.All(GoldenTrace.Flatten(batch.GetProperty("bn_running_mean_after")), layer.RunningMean, 1e-8, $"running_mean after batch {g}");
            Close.All(GoldenTrace.Flatten(batch.GetProperty("bn_running_var_after")), layer.RunningVariance, 5e-7, $"running_var after batch {g}");
            if (g == 0 && readsWeightsEachBatch)
            {
                var first = trace["first_step"];
                CheckState(first.GetProperty("params_after"), first.GetProperty("buffers_after"), model, "after step 1");
                for (int t = 0; t < model.Parameters.Count; t++)
                {
                    var state = first.GetProperty("opt_state_after").GetProperty(model.Parameters[t].Name);
                    ByRule(state.GetProperty("grad_avg"), learner.Optimizer.FirstMoment(t), $"{model.Parameters[t].Name} grad_avg after step 1");
                    ByRule(state.GetProperty("sqr_avg"), learner.Optimizer.SecondMoment(t), $"{model.Parameters[t].Name} sqr_avg after step 1");
                }
            }
            BatchesChecked++;
        }

        public override void AfterEpoch(TrainingContext context, EpochResult result)
        {
            var epoch = trace["epochs"][result.Epoch];
            CheckState(epoch.GetProperty("params_after"), epoch.GetProperty("buffers_after"), model, $"after epoch {result.Epoch}");
        }
    }
}
