namespace Collab.Data;

/// <summary>Ratings with users and items encoded as model indices, ready for batching.</summary>
public sealed class EncodedRatings
{
    internal EncodedRatings(int[] users, int[] items, float[] ratings)
    {
        UsersArray = users;
        ItemsArray = items;
        RatingsArray = ratings;
    }

    /// <summary>Number of rows.</summary>
    public int Count => UsersArray.Length;

    /// <summary>Model index of each row's user (0 = unknown).</summary>
    public ReadOnlySpan<int> Users => UsersArray;

    /// <summary>Model index of each row's item (0 = unknown).</summary>
    public ReadOnlySpan<int> Items => ItemsArray;

    /// <summary>The ratings.</summary>
    public ReadOnlySpan<float> Ratings => RatingsArray;

    internal int[] UsersArray { get; }

    internal int[] ItemsArray { get; }

    internal float[] RatingsArray { get; }

    internal static EncodedRatings Select(RatingsTable table, int[] rows, int[] userMap, int[] itemMap)
    {
        var users = new int[rows.Length];
        var items = new int[rows.Length];
        var ratings = new float[rows.Length];
        var tableUsers = table.Users;
        var tableItems = table.Items;
        var tableRatings = table.Ratings;
        for (int k = 0; k < rows.Length; k++)
        {
            int row = rows[k];
            users[k] = userMap[tableUsers[row]];
            items[k] = itemMap[tableItems[row]];
            ratings[k] = tableRatings[row];
        }
        return new EncodedRatings(users, items, ratings);
    }
}
