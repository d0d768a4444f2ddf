using Collab.Models.Implicit;

namespace Collab.Tests.Models.Implicit;

public sealed class IalsOptionsTests
{
    [Fact]
    public void The_defaults_are_valid() => new IalsOptions().Validate();

    [Theory]
    [InlineData(nameof(IalsOptions.Factors))]
    [InlineData(nameof(IalsOptions.Iterations))]
    [InlineData(nameof(IalsOptions.ConjugateGradientSteps))]
    [InlineData(nameof(IalsOptions.Threads))]
    [InlineData(nameof(IalsOptions.Regularization))]
    [InlineData(nameof(IalsOptions.RegularizationExponent))]
    [InlineData(nameof(IalsOptions.UnobservedWeight))]
    [InlineData(nameof(IalsOptions.ConfidenceScale))]
    [InlineData(nameof(IalsOptions.InitStd))]
    public void A_setting_out_of_range_is_refused_by_name(string setting)
    {
        var options = setting switch
        {
            nameof(IalsOptions.Factors) => new IalsOptions { Factors = 0 },
            nameof(IalsOptions.Iterations) => new IalsOptions { Iterations = -1 },
            nameof(IalsOptions.ConjugateGradientSteps) => new IalsOptions { ConjugateGradientSteps = -1 },
            nameof(IalsOptions.Threads) => new IalsOptions { Threads = -2 },
            nameof(IalsOptions.Regularization) => new IalsOptions { Regularization = -0.1 },
            nameof(IalsOptions.RegularizationExponent) => new IalsOptions { RegularizationExponent = double.NaN },
            nameof(IalsOptions.UnobservedWeight) => new IalsOptions { UnobservedWeight = double.PositiveInfinity },
            nameof(IalsOptions.ConfidenceScale) => new IalsOptions { ConfidenceScale = -1 },
            _ => new IalsOptions { InitStd = 0 },
        };
        var error = Assert.ThrowsAny<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(setting, error.ParamName);
    }

    [Fact]
    public void No_regularization_and_no_unobserved_weight_together_are_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(new IalsOptions { Regularization = 0, UnobservedWeight = 0 }.Validate);
        Assert.Contains("singular", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Training_validates_its_options() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => IalsTrainer.Train(ImplicitData.Index([[0]]), 1, new IalsOptions { Factors = -3 }));

    [Fact]
    public void An_item_outside_the_item_rows_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => IalsTrainer.Train(ImplicitData.Index([[0, 5]]), 3));
        Assert.Contains("item 5", error.Message, StringComparison.Ordinal);
    }
}
