using Collab.Evaluation.ColdStart;
using Collab.Tests.Support;

namespace Collab.Tests.Evaluation.ColdStart;

public sealed class PairedDifferenceTests
{
    [Fact]
    public void The_standard_error_follows_the_spread_of_the_per_user_differences()
    {
        // Three users, 10 test ratings in all; differences in squared error 1, 2 and 6 (mean 3, sample variance 7).
        var difference = new PairedDifference();
        difference.Add(3, 2);
        difference.Add(4, 2);
        difference.Add(7, 1);
        Close.Equal(Math.Sqrt(3 * 7.0) / 10 / (0.9 + 0.8), difference.RmseStandardError(10, 0.9, 0.8), 1e-12, "standard error");
    }

    [Fact]
    public void Equal_differences_have_no_spread_and_one_user_gives_no_estimate()
    {
        var same = new PairedDifference();
        same.Add(5, 4);
        same.Add(3, 2);
        Assert.Equal(0, same.RmseStandardError(8, 1, 1));
        var one = new PairedDifference();
        one.Add(5, 4);
        Assert.True(double.IsNaN(one.RmseStandardError(8, 1, 1)));
    }
}
