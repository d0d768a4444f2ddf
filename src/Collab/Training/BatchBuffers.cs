using System.Runtime.CompilerServices;
using Collab.Data;

namespace Collab.Training;

/// <summary>Reusable arrays for one batch, so the loop allocates nothing per batch.</summary>
internal sealed class BatchBuffers(int size)
{
    private readonly int[] _users = new int[size];
    private readonly int[] _items = new int[size];
    private readonly float[] _ratings = new float[size];

    public ReadOnlySpan<int> Users => _users;

    public ReadOnlySpan<int> Items => _items;

    public ReadOnlySpan<float> Ratings => _ratings;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Gather(EncodedRatings rows, ReadOnlySpan<int> indices)
    {
        var users = rows.Users;
        var items = rows.Items;
        var ratings = rows.Ratings;
        for (int b = 0; b < indices.Length; b++)
        {
            int row = indices[b];
            _users[b] = users[row];
            _items[b] = items[row];
            _ratings[b] = ratings[row];
        }
    }
}
