namespace Collab.Tests.Support;

/// <summary>Float comparisons with absolute tolerances and a message that says where they differ.</summary>
public static class Close
{
    public static void Equal(double expected, double actual, double tolerance, string what = "value")
    {
        Assert.True(Math.Abs(expected - actual) <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (|Δ| = {Math.Abs(expected - actual):E2} > {tolerance:E0})");
    }

    public static void All(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            double diff = Math.Abs((double)expected[i] - actual[i]);
            if (diff > worst || double.IsNaN(diff))
            {
                worst = double.IsNaN(diff) ? double.PositiveInfinity : diff;
                at = i;
            }
        }
        Assert.True(worst <= tolerance, $"{what}: max |Δ| = {worst:E2} at [{at}] (expected {(at >= 0 ? expected[at] : 0):R}, got {(at >= 0 ? actual[at] : 0):R}) > {tolerance:E0}");
    }
}
