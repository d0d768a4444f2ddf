using Collab.Data;
using Collab.Tests.Support;
using Collab.Tuning;

namespace Collab.Tests.Tuning;

/// <summary>The tuner cross-validates on training rows only, resumes from its state, and reports every trial.</summary>
public sealed class TunerTests
{
    [Theory]
    [InlineData(1000, 5, 42UL)]
    [InlineData(977, 3, 7UL)]
    [InlineData(12, 4, 1UL)]
    public void No_fold_trains_or_validates_on_a_held_out_row(int rows, int folds, ulong seed)
    {
        var holdout = DataSplit.Random(rows, 0.2, seed);
        var held = holdout.Valid.ToHashSet();
        var cv = Tuner.Folds(holdout, folds, seed);
        Assert.Equal(folds, cv.Count);
        foreach (var fold in cv)
        {
            Assert.DoesNotContain(fold.Train, held.Contains);
            Assert.DoesNotContain(fold.Valid, held.Contains);
            Assert.Equal(holdout.Train.Length, fold.Train.Length + fold.Valid.Length);
        }
        Assert.Equal(holdout.Train.Order(), cv.SelectMany(f => f.Valid).Order());
    }

    [Fact]
    public void A_trial_that_diverges_scores_worst_and_the_search_goes_on()
    {
        var table = Some.PlantedRatings(60, 40, 2, 0.5, 0.1, 3);
        var options = new TunerOptions { MaxTrials = 3, Folds = 2, Budget = TimeSpan.FromMinutes(1), Space = new TuningSpace { LearningRate = (1e6, 1e7) } };
        var state = Tuner.Run(table, options);
        Assert.Equal(3, state.Trials.Count);
        Assert.All(state.Trials[2].FoldRmse, rmse => Assert.Equal(double.PositiveInfinity, rmse));
        Assert.NotEqual(2, state.Best!.Index);
    }

    [Fact]
    public void A_search_resumes_from_its_state_file_and_refuses_another_protocol()
    {
        var table = Some.PlantedRatings(60, 40, 2, 0.5, 0.1, 3);
        var path = Path.Combine(Path.GetTempPath(), $"collab-tune-{Guid.NewGuid():N}.json");
        try
        {
            var options = new TunerOptions { MaxTrials = 3, Folds = 2, Budget = TimeSpan.FromMinutes(1) };
            var first = Tuner.Run(table, options, progress: (_, s) => s.Save(path));
            Assert.Equal(3, first.Trials.Count);
            Assert.Equal(TrialSettings.Lesson, first.Trials[0].Settings);
            Assert.Equal(TrialSettings.Accurate, first.Trials[1].Settings);
            var resumed = Tuner.Run(table, options with { MaxTrials = 4 }, TuningState.Load(path));
            Assert.Equal(4, resumed.Trials.Count);
            Assert.Equal(first.Trials[2].Settings, resumed.Trials[2].Settings);
            Assert.All(resumed.Trials, t => Assert.Equal(2, t.FoldRmse.Count));
            Assert.Throws<ArgumentException>(() => Tuner.Run(table, options with { Seed = 9 }, TuningState.Load(path)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
