namespace Collab.Data;

/// <summary>
/// Numeric attributes of users or items by raw id (genres, year, age, occupation, …), already encoded: the same
/// <see cref="Names"/> for every row, zeros for attributes a row lacks. Ids without a row have no attributes.
/// </summary>
public sealed class AttributeTable
{
    private readonly Dictionary<string, float[]> _rows;

    /// <summary>Creates a table; every row must have one value per name, all finite.</summary>
    public AttributeTable(string source, IReadOnlyList<string> names, IReadOnlyDictionary<string, float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var (id, row) in rows)
        {
            if (row.Length != names.Count)
                throw new ArgumentException($"{source}: the row of '{id}' has {row.Length} values for {names.Count} attributes.", nameof(rows));
            if (row.Any(v => !float.IsFinite(v)))
                throw new ArgumentException($"{source}: the row of '{id}' has a value that is not a finite number.", nameof(rows));
        }
        Source = source;
        Names = [.. names];
        _rows = new Dictionary<string, float[]>(rows, StringComparer.Ordinal);
    }

    /// <summary>Where the attributes came from (a file path), for messages and the model summary.</summary>
    public string Source { get; }

    /// <summary>The attributes, in column order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The ids that have a row.</summary>
    public IEnumerable<string> Ids => _rows.Keys;

    /// <summary>Rows held.</summary>
    public int Count => _rows.Count;

    /// <summary>The attributes of <paramref name="id"/>, or false when it has none.</summary>
    public bool TryGetRow(string id, out ReadOnlySpan<float> row)
    {
        bool found = _rows.TryGetValue(id, out var values);
        row = values;
        return found;
    }
}
