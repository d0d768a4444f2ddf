using System.Text;
using Collab.Data;

namespace Collab.ColdStart.Metadata;

/// <summary>
/// Metadata about users or items as text: one row per id, named columns (for MovieLens items: title, genres,
/// year; for users: age, gender, occupation, zip). <see cref="Encode"/> turns chosen columns into numbers.
/// </summary>
public sealed partial class FeatureSource
{
    private readonly Dictionary<string, string[]> _rows;
    private readonly string[] _columns;

    private FeatureSource(string source, string[] columns, Dictionary<string, string[]> rows)
    {
        Source = source;
        _columns = columns;
        _rows = rows;
    }

    /// <summary>Where the rows came from.</summary>
    public string Source { get; }

    /// <summary>The column names.</summary>
    public IReadOnlyList<string> Columns => _columns;

    /// <summary>The ids, in file order.</summary>
    public IEnumerable<string> Ids => _rows.Keys;

    /// <summary>Number of ids.</summary>
    public int Count => _rows.Count;

    /// <summary>A value, or null when the id or column is unknown or the value is empty.</summary>
    public string? Value(string id, string column)
    {
        ArgumentNullException.ThrowIfNull(id);
        int c = Array.IndexOf(_columns, column);
        return c >= 0 && _rows.TryGetValue(id, out var row) && row[c].Length > 0 ? row[c] : null;
    }

    /// <summary>
    /// Reads any delimited text file with a header (comma, tab, semicolon, '|' or '::', detected), keyed by
    /// <paramref name="idColumn"/>; every other column is kept as text.
    /// </summary>
    /// <exception cref="FormatException">The header lacks the id column, or a row has too few fields.</exception>
    public static FeatureSource FromCsv(string path, string idColumn)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(idColumn);
        var header = File.ReadLines(path).FirstOrDefault() ?? throw new FormatException($"{path}: the file is empty; it needs a header naming the columns.");
        string delimiter = DelimitedLines.Detect(header);
        string[]? columns = null;
        int idField = -1;
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (line, fields) in DelimitedLines.Read(path, delimiter, Encoding.UTF8))
        {
            if (columns is null)
            {
                columns = [.. fields.Select(f => f.TrimStart('\uFEFF'))];
                idField = Array.IndexOf(columns, idColumn);
                if (idField < 0)
                    throw new FormatException($"{DisplayText.Escape(path)}: no column {DisplayText.Quote(idColumn)} in the header ({DisplayText.Escape(string.Join(", ", columns))}).");
                continue;
            }
            if (fields.Length < columns.Length)
                throw new FormatException($"{path}, line {line}: expected {columns.Length} fields, found {fields.Length}.");
            rows[fields[idField]] = fields[..columns.Length];
        }
        return new FeatureSource(path, columns ?? [], rows);
    }

    /// <summary>Encodes the chosen columns into numeric features, learning each column's encoding from these rows.</summary>
    /// <exception cref="ArgumentException">A column is not in the source.</exception>
    public FeatureTable Encode(IEnumerable<FeatureColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var encoders = new List<FeatureEncoder>();
        foreach (var column in columns)
        {
            int c = Array.IndexOf(_columns, column.Name);
            if (c < 0)
                throw new ArgumentException($"{DisplayText.Escape(Source)} has no column {DisplayText.Quote(column.Name)}; it has {DisplayText.Escape(string.Join(", ", _columns))}.", nameof(columns));
            encoders.Add(FeatureEncoder.Learn(column, c, _rows.Values.Select(r => r[c])));
        }
        return new FeatureTable(encoders, _columns, _rows);
    }
}
