using Collab.Persistence;
using Collab.Tests.Support;
using Collab.Training;

namespace Collab.Tests.Training;

public sealed class SeedEnsembleTests
{
    private static readonly TrainingOptions Options = new()
    {
        Factors = 8,
        Epochs = 6,
        LearningRate = 1e-2,
        WeightDecay = 0.05,
        Mode = TrainingMode.Fast,
        Threads = 1,
        Seed = 3,
    };

    [Fact]
    public void The_merged_model_predicts_as_well_as_the_averaged_members_and_better_than_one()
    {
        var table = Some.PlantedRatings(120, 90, 3, 0.3, 0.3, 11);
        var finished = new List<ulong>();
        var ensemble = SeedEnsemble.Train(table, Options, members: 4, memberDone: m => finished.Add(m.Summary.Options.Seed));
        var figures = ensemble.Merged.Summary.Ensemble!;
        Assert.Equal([3UL, 4UL, 5UL, 6UL], finished.Order());
        Assert.Equal(4, figures.Members);
        Assert.Equal(8, ensemble.Merged.Factors!.Factors);
        Assert.True(Math.Abs(figures.ValidRmse - figures.AveragedValidRmse) < 0.01, $"merged {figures.ValidRmse} vs averaged {figures.AveragedValidRmse}");
        Assert.True(figures.ValidRmse < figures.MemberValidRmse.Average(), $"merged {figures.ValidRmse} vs members {string.Join(", ", figures.MemberValidRmse)}");
        Assert.Equal(figures.ValidRmse, ensemble.ValidRmse);
    }

    [Fact]
    public void The_merged_model_saves_and_loads_with_its_ensemble_figures()
    {
        var table = Some.PlantedRatings(40, 30, 2, 0.5, 0.2, 8);
        var merged = SeedEnsemble.Train(table, Options with { Epochs = 2 }, members: 2).Merged;
        using var folder = new TempFolder();
        var path = folder.Combine("merged.collab");
        merged.Save(path);
        var loaded = TrainedModel.Load(path);
        Assert.Equal(merged.Summary.Ensemble!.ValidRmse, loaded.Summary.Ensemble!.ValidRmse);
        Assert.Equal(merged.Summary.ValidRmse, loaded.Summary.ValidRmse);
        Assert.Equal(merged.Factors!.Predict(1, 2), loaded.Factors!.Predict(1, 2));
    }
}
