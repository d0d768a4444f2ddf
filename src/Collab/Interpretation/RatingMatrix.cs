using Collab.Data;

namespace Collab.Interpretation;

/// <summary>
/// The lesson's spreadsheet view: the most active users by the most rated items, with each user's rating
/// of each item, or null where the user did not rate it. Ties in activity go to the id that sorts first.
/// </summary>
public sealed class RatingMatrix
{
    private readonly float?[,] _cells;

    private RatingMatrix(string[] users, string[] items, float?[,] cells)
    {
        Users = users;
        Items = items;
        _cells = cells;
    }

    /// <summary>Row ids (users), most active first.</summary>
    public IReadOnlyList<string> Users { get; }

    /// <summary>Column ids (items), most rated first.</summary>
    public IReadOnlyList<string> Items { get; }

    /// <summary>The rating of row <paramref name="user"/> for column <paramref name="item"/>, null when unrated.</summary>
    public float? this[int user, int item] => _cells[user, item];

    /// <summary>Number of rated cells.</summary>
    public int RatedCount => _cells.Cast<float?>().Count(c => c is not null);

    /// <summary>Builds the view over a table (when a user rated an item twice, the later row wins).</summary>
    public static RatingMatrix MostActive(RatingsTable table, int userCount, int itemCount)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(userCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(itemCount);
        var topUsers = TopByCount(table.Users, table.UserIds, userCount);
        var topItems = TopByCount(table.Items, table.ItemIds, itemCount);
        var userRow = topUsers.Select((raw, row) => (raw, row)).ToDictionary(p => p.raw, p => p.row);
        var itemColumn = topItems.Select((raw, column) => (raw, column)).ToDictionary(p => p.raw, p => p.column);
        var cells = new float?[topUsers.Length, topItems.Length];
        for (int r = 0; r < table.Count; r++)
        {
            if (userRow.TryGetValue(table.Users[r], out int row) && itemColumn.TryGetValue(table.Items[r], out int column))
                cells[row, column] = table.Ratings[r];
        }
        return new RatingMatrix(
            [.. topUsers.Select(u => table.UserIds[u])],
            [.. topItems.Select(i => table.ItemIds[i])],
            cells);
    }

    private static int[] TopByCount(ReadOnlySpan<int> column, IdIndex ids, int take)
    {
        var counts = new int[ids.Count];
        foreach (var id in column)
            counts[id]++;
        var order = Vocabulary.FromIds(ids.Ids);
        return [.. Enumerable.Range(0, ids.Count)
            .OrderByDescending(i => counts[i])
            .ThenBy(i => order.Encode(ids[i]))
            .Take(take)];
    }
}
