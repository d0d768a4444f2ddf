namespace Collab.Data;

/// <summary>
/// Each user's training ratings, grouped by user (compressed sparse rows over model indices): what a user
/// has already rated, and how many ratings each user and item had in training.
/// </summary>
public sealed class InteractionIndex
{
    private readonly int[] _offsets;
    private readonly int[] _items;
    private readonly float[] _ratings;

    internal InteractionIndex(int[] offsets, int[] items, float[] ratings)
    {
        _offsets = offsets;
        _items = items;
        _ratings = ratings;
    }

    /// <summary>Number of user rows (#na# included).</summary>
    public int UserCount => _offsets.Length - 1;

    /// <summary>Number of ratings.</summary>
    public int Count => _items.Length;

    internal ReadOnlySpan<int> Offsets => _offsets;

    internal ReadOnlySpan<int> AllItems => _items;

    internal ReadOnlySpan<float> AllRatings => _ratings;

    /// <summary>Items a user rated in training, by model index.</summary>
    public ReadOnlySpan<int> ItemsOf(int user) => _items.AsSpan(_offsets[user], _offsets[user + 1] - _offsets[user]);

    /// <summary>The ratings matching <see cref="ItemsOf"/>.</summary>
    public ReadOnlySpan<float> RatingsOf(int user) => _ratings.AsSpan(_offsets[user], _offsets[user + 1] - _offsets[user]);

    /// <summary>Number of training ratings of a user.</summary>
    public int CountOf(int user) => _offsets[user + 1] - _offsets[user];

    /// <summary>An index of <paramref name="userCount"/> users with no interactions.</summary>
    public static InteractionIndex Empty(int userCount) => new(new int[userCount + 1], [], []);

    /// <summary>True when <paramref name="user"/> has <paramref name="item"/> among their interactions.</summary>
    public bool Contains(int user, int item) => ItemsOf(user).Contains(item);

    /// <summary>Groups encoded ratings by user (a counting sort: linear time).</summary>
    public static InteractionIndex FromRatings(EncodedRatings rows, int userCount)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var offsets = new int[userCount + 1];
        foreach (var u in rows.Users)
            offsets[u + 1]++;
        for (int u = 0; u < userCount; u++)
            offsets[u + 1] += offsets[u];
        var next = offsets[..^1];
        var items = new int[rows.Count];
        var ratings = new float[rows.Count];
        var users = rows.Users;
        for (int r = 0; r < rows.Count; r++)
        {
            int slot = next[users[r]]++;
            items[slot] = rows.Items[r];
            ratings[slot] = rows.Ratings[r];
        }
        return new InteractionIndex(offsets, items, ratings);
    }
}
