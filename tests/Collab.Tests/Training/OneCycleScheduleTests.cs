using Collab.Training;

namespace Collab.Tests.Training;

public sealed class OneCycleScheduleTests
{
    private readonly OneCycleSchedule _schedule = new(5e-3, 1000);

    [Fact]
    public void Starts_at_lr_over_div_and_top_momentum()
    {
        var (lr, mom) = _schedule.At(0);
        Assert.Equal(5e-3 / 25, lr, 1e-15);
        Assert.Equal(0.95, mom, 1e-15);
    }

    [Fact]
    public void Peaks_at_lr_max_and_lowest_momentum_after_the_warm_up()
    {
        var (lr, mom) = _schedule.At(250);
        Assert.Equal(5e-3, lr, 1e-15);
        Assert.Equal(0.85, mom, 1e-15);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(600)]
    [InlineData(999)]
    public void Follows_the_spec_cosine_formulas(int batch)
    {
        double pos = batch / 1000.0;
        double expectedLr, expectedMom;
        if (pos < 0.25)
        {
            double p = pos / 0.25;
            expectedLr = 2e-4 + (1 - Math.Cos(Math.PI * p)) / 2 * (5e-3 - 2e-4);
            expectedMom = 0.95 + (1 - Math.Cos(Math.PI * p)) / 2 * (0.85 - 0.95);
        }
        else
        {
            double p = (pos - 0.25) / 0.75;
            expectedLr = 5e-8 + (1 + Math.Cos(Math.PI * p)) / 2 * (5e-3 - 5e-8);
            expectedMom = 0.95 + (1 + Math.Cos(Math.PI * p)) / 2 * (0.85 - 0.95);
        }
        var (lr, mom) = _schedule.At(batch);
        Assert.Equal(expectedLr, lr, 1e-12);
        Assert.Equal(expectedMom, mom, 1e-12);
    }

    [Fact]
    public void Learning_rate_rises_then_falls_monotonically()
    {
        var lrs = Enumerable.Range(0, 1000).Select(j => _schedule.At(j).LearningRate).ToArray();
        for (int j = 1; j <= 250; j++)
            Assert.True(lrs[j] >= lrs[j - 1]);
        for (int j = 251; j < 1000; j++)
            Assert.True(lrs[j] <= lrs[j - 1]);
    }
}
