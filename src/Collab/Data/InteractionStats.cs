namespace Collab.Data;

/// <summary>
/// How many training ratings each user and item had, and their mean: what the lesson's follow-up puts beside
/// a learned bias, and what "most rated" and "minimum ratings" filters count.
/// </summary>
public sealed class InteractionStats
{
    private readonly int[] _userCounts;
    private readonly double[] _userMeans;
    private readonly int[] _itemCounts;
    private readonly double[] _itemMeans;

    private InteractionStats(int[] userCounts, double[] userMeans, int[] itemCounts, double[] itemMeans)
    {
        _userCounts = userCounts;
        _userMeans = userMeans;
        _itemCounts = itemCounts;
        _itemMeans = itemMeans;
    }

    /// <summary>Training ratings per user, by model row (0 for #na#).</summary>
    public ReadOnlySpan<int> UserCounts => _userCounts;

    /// <summary>Training ratings per item, by model row (0 for #na# and for items seen only in validation).</summary>
    public ReadOnlySpan<int> ItemCounts => _itemCounts;

    /// <summary>Mean training rating of a user (NaN without ratings).</summary>
    public double UserMean(int user) => _userMeans[user];

    /// <summary>Mean training rating of an item (NaN without ratings).</summary>
    public double ItemMean(int item) => _itemMeans[item];

    /// <summary>Counts and averages the training ratings in one pass.</summary>
    /// <param name="interactions">Training ratings grouped by user.</param>
    /// <param name="itemCount">Rows of the item vocabulary (#na# included).</param>
    public static InteractionStats From(InteractionIndex interactions, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var userCounts = new int[interactions.UserCount];
        var userMeans = new double[interactions.UserCount];
        var itemCounts = new int[itemCount];
        var itemMeans = new double[itemCount];
        for (int u = 0; u < userCounts.Length; u++)
        {
            var items = interactions.ItemsOf(u);
            var ratings = interactions.RatingsOf(u);
            double sum = 0;
            for (int r = 0; r < items.Length; r++)
            {
                sum += ratings[r];
                itemCounts[items[r]]++;
                itemMeans[items[r]] += ratings[r];
            }
            userCounts[u] = items.Length;
            userMeans[u] = items.Length == 0 ? double.NaN : sum / items.Length;
        }
        for (int i = 0; i < itemCount; i++)
            itemMeans[i] = itemCounts[i] == 0 ? double.NaN : itemMeans[i] / itemCounts[i];
        return new InteractionStats(userCounts, userMeans, itemCounts, itemMeans);
    }
}
