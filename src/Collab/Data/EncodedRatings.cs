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

    /// <summary>Gathers and encodes the given rows, in their order; large selections on all cores.</summary>
    internal static EncodedRatings Select(RatingsTable table, int[] rows, int[] userMap, int[] itemMap)
    {
        const int RowsPerTask = 1 << 18;
        var users = new int[rows.Length];
        var items = new int[rows.Length];
        var ratings = new float[rows.Length];
        void Gather(int from, int to)
        {
            var tableUsers = table.Users;
            var tableItems = table.Items;
            var tableRatings = table.Ratings;
            for (int k = from; k < to; k++)
            {
                int row = rows[k];
                users[k] = userMap[tableUsers[row]];
                items[k] = itemMap[tableItems[row]];
                ratings[k] = tableRatings[row];
            }
        }
        int tasks = (rows.Length + RowsPerTask - 1) / RowsPerTask;
        if (tasks <= 1)
            Gather(0, rows.Length);
        else
            Parallel.For(0, tasks, t => Gather(t * RowsPerTask, Math.Min(rows.Length, (t + 1) * RowsPerTask)));
        return new EncodedRatings(users, items, ratings);
    }
}
