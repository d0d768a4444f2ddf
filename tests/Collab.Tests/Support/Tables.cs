using Collab.Data;

namespace Collab.Tests.Support;

/// <summary>Table comparisons shared by the readers' tests.</summary>
public static class Tables
{
    /// <summary>Asserts the same ids in the same order, the same rows and the same timestamps (and, when asked, the same source).</summary>
    public static void AssertSame(RatingsTable expected, RatingsTable actual, bool sameSource = false)
    {
        Assert.Equal(expected.UserIds.Ids, actual.UserIds.Ids);
        Assert.Equal(expected.ItemIds.Ids, actual.ItemIds.Ids);
        Assert.Equal(expected.Users.ToArray(), actual.Users.ToArray());
        Assert.Equal(expected.Items.ToArray(), actual.Items.ToArray());
        Assert.Equal(expected.Ratings.ToArray(), actual.Ratings.ToArray());
        Assert.Equal(expected.HasTimestamps, actual.HasTimestamps);
        Assert.Equal(expected.Timestamps.ToArray(), actual.Timestamps.ToArray());
        if (sameSource)
            Assert.Equal(expected.Source, actual.Source);
    }
}
