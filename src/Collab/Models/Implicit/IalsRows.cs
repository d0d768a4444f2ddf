using Collab.Data;

namespace Collab.Models.Implicit;

/// <summary>
/// One side of the interactions as compressed sparse rows with confidences: for each row (a user, or an item), the
/// columns it interacted with and the confidence c = 1 + α·r of each. Built for users and, transposed, for items.
/// </summary>
internal sealed class IalsRows
{
    private IalsRows(int[] offsets, int[] columns, float[] confidences, int columnCount)
    {
        Offsets = offsets;
        Columns = columns;
        Confidences = confidences;
        ColumnCount = columnCount;
    }

    public int[] Offsets { get; }

    public int[] Columns { get; }

    public float[] Confidences { get; }

    public int RowCount => Offsets.Length - 1;

    public int ColumnCount { get; }

    public int CountOf(int row) => Offsets[row + 1] - Offsets[row];

    /// <summary>The users' rows, confidences from the ratings; throws when an item index is out of range or a confidence is not positive.</summary>
    public static IalsRows Users(InteractionIndex interactions, int itemCount, double confidenceScale)
    {
        var offsets = interactions.Offsets.ToArray();
        var columns = interactions.AllItems.ToArray();
        var ratings = interactions.AllRatings;
        var confidences = new float[ratings.Length];
        for (int n = 0; n < columns.Length; n++)
        {
            if ((uint)columns[n] >= (uint)itemCount)
                throw new ArgumentOutOfRangeException(nameof(itemCount), itemCount, $"An interaction names item {columns[n]}, outside the {itemCount} item rows.");
            float c = (float)(1 + confidenceScale * ratings[n]);
            if (!(c > 0) || !float.IsFinite(c))
                throw new ArgumentException($"Interaction {n} has rating {ratings[n]}: its confidence 1 + α·r = {c} is not a positive number.", nameof(interactions));
            confidences[n] = c;
        }
        return new IalsRows(offsets, columns, confidences, itemCount);
    }

    /// <summary>The same interactions by column (a counting sort; within a column, rows stay in increasing order).</summary>
    public IalsRows Transpose()
    {
        var offsets = new int[ColumnCount + 1];
        foreach (int column in Columns)
            offsets[column + 1]++;
        for (int c = 0; c < ColumnCount; c++)
            offsets[c + 1] += offsets[c];
        var next = offsets[..^1];
        var rows = new int[Columns.Length];
        var confidences = new float[Columns.Length];
        for (int r = 0; r < RowCount; r++)
        {
            for (int n = Offsets[r]; n < Offsets[r + 1]; n++)
            {
                int slot = next[Columns[n]]++;
                rows[slot] = r;
                confidences[slot] = Confidences[n];
            }
        }
        return new IalsRows(offsets, rows, confidences, RowCount);
    }
}
