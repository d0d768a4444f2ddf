namespace Collab.Training.Bayesian;

/// <summary>
/// One group of a factorization machine's features in relational form (Rendle, "Scaling Factorization Machines to
/// Relational Data", VLDB 2013): the features of a rating are the block's row for the rating's user (or item), so a
/// row shared by many ratings is stored, and summed, once. Rows and columns are kept both ways: the sampler reads a
/// row's entries to fold its parameters and a column's entries to draw one parameter.
/// </summary>
internal sealed class FeatureBlock
{
    public FeatureBlock(string name, FeatureSide side, int rows, int width, int[] rowStart, int[] columns, float[] values)
    {
        if (rowStart.Length != rows + 1 || columns.Length != values.Length || rowStart[rows] != columns.Length)
            throw new ArgumentException($"The '{name}' block's sparse rows are inconsistent.", nameof(rowStart));
        Name = name;
        Side = side;
        Rows = rows;
        Width = width;
        RowStart = rowStart;
        Columns = columns;
        Values = values;
        (ColumnStart, ColumnRows, ColumnValues) = Transpose(rows, width, rowStart, columns, values);
        RowsHaveOneEntryAtMost = Enumerable.Range(0, rows).All(r => rowStart[r + 1] - rowStart[r] <= 1);
    }

    /// <summary>The group's name in progress lines and the model summary.</summary>
    public string Name { get; }

    public FeatureSide Side { get; }

    /// <summary>Rows: one per user (or item) of the vocabulary.</summary>
    public int Rows { get; }

    /// <summary>Features (columns), each with one linear weight and one row of factors.</summary>
    public int Width { get; }

    public int[] RowStart { get; }

    public int[] Columns { get; }

    public float[] Values { get; }

    public int[] ColumnStart { get; }

    public int[] ColumnRows { get; }

    public float[] ColumnValues { get; }

    /// <summary>
    /// True when no row holds two features (a one-hot block): its columns' conditional posteriors are then
    /// independent, so they can be drawn in parallel.
    /// </summary>
    public bool RowsHaveOneEntryAtMost { get; }

    /// <summary>The one-hot block of ids: row r has feature r with value 1.</summary>
    public static FeatureBlock Identity(string name, FeatureSide side, int count) =>
        new(name, side, count, count, [.. Enumerable.Range(0, count + 1)], [.. Enumerable.Range(0, count)], [.. Enumerable.Repeat(1f, count)]);

    /// <summary>A block from each row's (column, value) entries.</summary>
    public static FeatureBlock FromRows(string name, FeatureSide side, int width, IReadOnlyList<IReadOnlyList<(int Column, float Value)>> rows)
    {
        var rowStart = new int[rows.Count + 1];
        for (int r = 0; r < rows.Count; r++)
            rowStart[r + 1] = rowStart[r] + rows[r].Count;
        var columns = new int[rowStart[^1]];
        var values = new float[rowStart[^1]];
        for (int r = 0; r < rows.Count; r++)
        {
            int at = rowStart[r];
            foreach (var (column, value) in rows[r])
            {
                if ((uint)column >= (uint)width)
                    throw new ArgumentOutOfRangeException(nameof(rows), $"The '{name}' block has a column {column} outside its {width} features.");
                columns[at] = column;
                values[at++] = value;
            }
        }
        return new FeatureBlock(name, side, rows.Count, width, rowStart, columns, values);
    }

    // The entries grouped by column, each with its row: the column-wise copy of the block.
    private static (int[] Start, int[] Rows, float[] Values) Transpose(int rows, int width, int[] rowStart, int[] columns, float[] values)
    {
        var rowOf = new int[columns.Length];
        for (int r = 0; r < rows; r++)
            rowOf.AsSpan(rowStart[r], rowStart[r + 1] - rowStart[r]).Fill(r);
        var byColumn = GroupedPositions.By(columns, width);
        return (byColumn.Start, [.. byColumn.Order.Select(at => rowOf[at])], [.. byColumn.Order.Select(at => values[at])]);
    }
}
