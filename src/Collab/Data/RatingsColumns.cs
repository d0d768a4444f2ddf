namespace Collab.Data;

/// <summary>The columns of a table being read, allocated once at their final size.</summary>
internal sealed class RatingsColumns(int rows, bool hasTimestamps)
{
    public int[] Users { get; private set; } = GC.AllocateUninitializedArray<int>(rows);

    public int[] Items { get; private set; } = GC.AllocateUninitializedArray<int>(rows);

    public float[] Ratings { get; private set; } = GC.AllocateUninitializedArray<float>(rows);

    public long[]? Timestamps { get; private set; } = hasTimestamps ? GC.AllocateUninitializedArray<long>(rows) : null;

    /// <summary>Moves rows [from, from + count) to start at <paramref name="to"/> (to &lt;= from).</summary>
    public void Move(int from, int to, int count)
    {
        Users.AsSpan(from, count).CopyTo(Users.AsSpan(to));
        Items.AsSpan(from, count).CopyTo(Items.AsSpan(to));
        Ratings.AsSpan(from, count).CopyTo(Ratings.AsSpan(to));
        Timestamps?.AsSpan(from, count).CopyTo(Timestamps.AsSpan(to));
    }

    /// <summary>Cuts the columns to <paramref name="rows"/> (a copy, needed only when blank lines gave no rows).</summary>
    public void Truncate(int rows)
    {
        Users = Users[..rows];
        Items = Items[..rows];
        Ratings = Ratings[..rows];
        Timestamps = Timestamps?[..rows];
    }
}
