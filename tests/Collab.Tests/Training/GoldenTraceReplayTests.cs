using Collab.Data;
using Collab.Models;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Training;

/// <summary>
/// Replays the real fastai 2.7.18 run recorded in the golden trace, batch by batch, and checks every recorded
/// quantity within the trace README's tolerances (final weights 1e-6).
/// </summary>
public sealed class GoldenTraceReplayTests
{
    private static readonly string[] TableNames = ["u_weight", "i_weight", "u_bias", "i_bias"];
    private readonly GoldenTrace _trace = GoldenTrace.Load();

    [Fact]
    public void Vocabulary_and_codes_match_fastai_with_string_ids()
    {
        var data = LoadData();
        Assert.Equal(GoldenTrace.Strings(_trace["vocab"].GetProperty("user")), data.Users.Ids);
        Assert.Equal(GoldenTrace.Strings(_trace["vocab"].GetProperty("item")), data.Items.Ids);
        Assert.Equal(Codes("training_table", "user_idx"), data.Train.Users.ToArray());
        Assert.Equal(Codes("training_table", "item_idx"), data.Train.Items.ToArray());
        Assert.Equal(Codes("valid_table", "user_idx"), data.Valid.Users.ToArray());
        Assert.Equal(Codes("valid_table", "item_idx"), data.Valid.Items.ToArray());
    }

    [Fact]
    public void Vocabulary_with_integer_ids_holds_only_training_ids()
    {
        var expected = _trace["vocab_if_ids_were_integers"];
        var lines = File.ReadAllLines(GoldenTrace.CsvPath).Skip(1).Select(l => l.Split(',')).ToArray();
        var table = RatingsTable.FromTriples(lines.Select(f => (f[0][1..], f[1][1..], float.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture))));
        var data = CollabData.FromTable(table, Split(), VocabularyScope.Training);
        Assert.Equal(expected.GetProperty("user").EnumerateArray().Select(v => v.ToString()), data.Users.Ids);
        Assert.Equal(expected.GetProperty("item").EnumerateArray().Select(v => v.ToString()), data.Items.Ids);
        Assert.Equal(GoldenTrace.Ints(expected.GetProperty("valid_user_idx")), data.Valid.Users.ToArray());
        Assert.Equal(GoldenTrace.Ints(expected.GetProperty("valid_item_idx")), data.Valid.Items.ToArray());
    }

    [Fact]
    public void First_step_gradients_match_fastai()
    {
        var data = LoadData();
        var model = InitialModel(data);
        var rows = GoldenTrace.Ints(_trace["batches"][0].GetProperty("rows"));
        var predictions = new float[rows.Length];
        model.ForwardBackward(
            rows.Select(r => data.Train.Users[r]).ToArray(),
            rows.Select(r => data.Train.Items[r]).ToArray(),
            rows.Select(r => data.Train.Ratings[r]).ToArray(),
            predictions);
        var grads = _trace["first_step"].GetProperty("grads");
        for (int t = 0; t < 4; t++)
            Close.All(GoldenTrace.Flatten(grads.GetProperty(TableNames[t])), model.Parameters[t].Gradients, 1e-6, $"gradient of {TableNames[t]}");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // untouched rows' steps deferred for whole epochs, not brought up to date after each batch
    public void Training_replays_every_batch_epoch_and_final_state(bool readsWeightsEachBatch)
    {
        var data = LoadData();
        var model = InitialModel(data);
        var learner = new Learner(data, model, _trace.ReplayOptions());
        var checker = new TraceChecker(_trace, model, learner, readsWeightsEachBatch);
        learner.AddCallback(checker);

        var fit = learner.FitOneCycle(3, 5e-3, 0.1);

        Assert.Equal(21, checker.BatchesChecked);
        Assert.Equal(3, fit.Epochs.Count);
        for (int e = 0; e < 3; e++)
        {
            var epoch = _trace["epochs"][e];
            Close.Equal(epoch.GetProperty("train_loss").GetDouble(), fit.Epochs[e].TrainLoss, 5e-6, $"epoch {e} train_loss");
            Close.Equal(epoch.GetProperty("valid_loss").GetDouble(), fit.Epochs[e].ValidLoss, 2e-6, $"epoch {e} valid_loss");
            Assert.Equal(epoch.GetProperty("printed").GetProperty("valid_loss").GetString(), fit.Epochs[e].ValidLoss.ToString("F6", System.Globalization.CultureInfo.InvariantCulture));
        }
        for (int t = 0; t < 4; t++)
        {
            var name = TableNames[t];
            Close.All(GoldenTrace.Flatten(_trace["final_weights"].GetProperty(name)), model.Parameters[t].Values, 1e-6, $"final {name}");
            var state = _trace["final_opt_state"].GetProperty(name);
            Close.All(GoldenTrace.Flatten(state.GetProperty("grad_avg")), learner.Optimizer.FirstMoment(t), 1e-6, $"final grad_avg of {name}");
            Close.All(GoldenTrace.Flatten(state.GetProperty("sqr_avg")), learner.Optimizer.SecondMoment(t), 1e-7, $"final sqr_avg of {name}");
            Assert.Equal(state.GetProperty("step").GetInt32(), learner.Optimizer.StepCount);
        }
        var validPreds = new float[data.Valid.Count];
        model.Predict(data.Valid.Users, data.Valid.Items, validPreds);
        Close.All([.. _trace["valid_predictions"].EnumerateArray().Select(p => (float)p.GetProperty("pred").GetDouble())], validPreds, 2e-6, "valid predictions");
        foreach (var unknown in _trace["unknown_predictions"].EnumerateArray())
        {
            int u = data.Users.Encode(unknown.GetProperty("user").GetString());
            int i = data.Items.Encode(unknown.GetProperty("item").GetString());
            Assert.Equal(unknown.GetProperty("user_idx").GetInt32(), u);
            Assert.Equal(unknown.GetProperty("item_idx").GetInt32(), i);
            Close.Equal(unknown.GetProperty("pred").GetDouble(), model.Predict(u, i), 2e-6, "unknown-id prediction");
        }
    }

    [Fact]
    public void Schedule_matches_fastai_at_recorded_points()
    {
        var schedule = _trace["schedule_case"];
        var oneCycle = new OneCycleSchedule(schedule.GetProperty("lr_max").GetDouble(), schedule.GetProperty("total_batches").GetInt32());
        foreach (var point in schedule.GetProperty("points").EnumerateArray())
        {
            var (lr, mom) = oneCycle.At(point.GetProperty("global_batch").GetInt32());
            Close.Equal(point.GetProperty("lr").GetDouble(), lr, 1e-9, $"lr at {point.GetProperty("global_batch")}");
            Close.Equal(point.GetProperty("mom").GetDouble(), mom, 1e-8, $"mom at {point.GetProperty("global_batch")}");
        }
    }

    private int[] Codes(string table, string field) => GoldenTrace.Ints(_trace[table].GetProperty(field));

    private DataSplit Split()
    {
        var isValid = File.ReadAllLines(GoldenTrace.CsvPath).Skip(1).Select(l => l.Split(',')[3] == "1").ToArray();
        var split = new DataSplit(
            [.. Enumerable.Range(0, isValid.Length).Where(r => !isValid[r])],
            [.. Enumerable.Range(0, isValid.Length).Where(r => isValid[r])]);
        Assert.Equal(GoldenTrace.Ints(_trace["dataset"].GetProperty("train_csv_rows")), split.Train);
        Assert.Equal(GoldenTrace.Ints(_trace["dataset"].GetProperty("valid_csv_rows")), split.Valid);
        return split;
    }

    private CollabData LoadData() =>
        CollabData.FromTable(RatingsTable.FromFile(GoldenTrace.CsvPath), Split(), VocabularyScope.AllRows);

    private DotBiasModel InitialModel(CollabData data)
    {
        var model = DotBiasModel.CreateEmpty(data.Users.Count, data.Items.Count, 4, new OutputRange(0, 5.5f));
        var init = _trace["init_weights"];
        for (int t = 0; t < 4; t++)
            GoldenTrace.Flatten(init.GetProperty(TableNames[t])).CopyTo(model.Parameters[t].Values, 0);
        return model;
    }

    /// <summary>
    /// Compares each batch (lr, β1, predictions, loss, smoothed loss) and each epoch's weights with the trace, and the
    /// weights after the first step when it reads weights each batch.
    /// </summary>
    private sealed class TraceChecker(GoldenTrace trace, DotBiasModel model, Learner learner, bool readsWeightsEachBatch) : LearnerCallback
    {
        public override int Order => 100;

        public override bool ReadsParametersEachBatch => readsWeightsEachBatch;

        public int BatchesChecked { get; private set; }

        public override void AfterBatch(TrainingContext context)
        {
            var batch = trace["batches"][context.GlobalBatch];
            Close.Equal(batch.GetProperty("lr").GetDouble(), context.LearningRate, 1e-9, $"lr of batch {context.GlobalBatch}");
            Close.Equal(batch.GetProperty("mom").GetDouble(), context.Momentum, 1e-8, $"mom of batch {context.GlobalBatch}");
            Close.Equal(batch.GetProperty("loss").GetDouble(), context.BatchLoss, 2e-6, $"loss of batch {context.GlobalBatch}");
            Close.Equal(batch.GetProperty("smooth_loss").GetDouble(), learner.Recorder.SmoothLoss, 5e-6, $"smooth loss of batch {context.GlobalBatch}");
            Close.All([.. GoldenTrace.Doubles(batch.GetProperty("pred")).Select(v => (float)v)], context.BatchPredictions.Span, 2e-6, $"predictions of batch {context.GlobalBatch}");
            if (context.GlobalBatch == 0 && readsWeightsEachBatch)
            {
                var first = trace["first_step"];
                for (int t = 0; t < 4; t++)
                {
                    var name = TableNames[t];
                    Close.All(GoldenTrace.Flatten(first.GetProperty("weights_after").GetProperty(name)), model.Parameters[t].Values, 1e-6, $"{name} after step 1");
                    Close.All(GoldenTrace.Flatten(first.GetProperty("opt_state_after").GetProperty(name).GetProperty("grad_avg")), learner.Optimizer.FirstMoment(t), 1e-6, $"{name} grad_avg after step 1");
                    Close.All(GoldenTrace.Flatten(first.GetProperty("opt_state_after").GetProperty(name).GetProperty("sqr_avg")), learner.Optimizer.SecondMoment(t), 1e-7, $"{name} sqr_avg after step 1");
                }
            }
            BatchesChecked++;
        }

        public override void AfterEpoch(TrainingContext context, EpochResult result)
        {
            var weights = trace["epochs"][result.Epoch].GetProperty("weights_after");
            for (int t = 0; t < 4; t++)
                Close.All(GoldenTrace.Flatten(weights.GetProperty(TableNames[t])), model.Parameters[t].Values, 1e-6, $"{TableNames[t]} after epoch {result.Epoch}");
        }
    }
}
