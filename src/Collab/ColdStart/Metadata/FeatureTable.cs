using Collab.Data;

namespace Collab.ColdStart.Metadata;

/// <summary>
/// Metadata encoded as numbers: one row of features per id (standardised numbers and 0/1 indicators), with
/// the encodings learned from a <see cref="FeatureSource"/> so new values (a new user's answers) encode alike.
/// </summary>
public sealed class FeatureTable
{
    private readonly List<FeatureEncoder> _encoders;
    private readonly string[] _columns;
    private readonly Dictionary<string, float[]> _rows = new(StringComparer.Ordinal);

    internal FeatureTable(List<FeatureEncoder> encoders, string[] columns, Dictionary<string, string[]> rows)
    {
        _encoders = encoders;
        _columns = columns;
        FeatureNames = [.. encoders.SelectMany(e => e.Names)];
        foreach (var (id, values) in rows)
            _rows[id] = EncodeWith(e => values[e.Field]);
    }

    /// <summary>The name of each feature, e.g. <c>genres=Comedy</c>, <c>year=1990</c>, <c>year</c>.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Number of features per row.</summary>
    public int Width => FeatureNames.Count;

    /// <summary>Whether an id has metadata.</summary>
    public bool Contains(string id) => _rows.ContainsKey(id);

    /// <summary>The features of an id.</summary>
    /// <exception cref="KeyNotFoundException">The id has no metadata.</exception>
    public ReadOnlySpan<float> Row(string id) =>
        _rows.TryGetValue(id, out var row) ? row : throw new KeyNotFoundException($"No metadata for '{id}'.");

    /// <summary>The encoded rows as an <see cref="AttributeTable"/> (the Bayesian factorization machine's side features).</summary>
    public AttributeTable ToAttributes(string source) => new(source, FeatureNames, _rows);

    /// <summary>Encodes metadata given as column → value (missing columns count as missing values), e.g. a new user's answers.</summary>
    public float[] Encode(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return EncodeWith(e => values.GetValueOrDefault(_columns[e.Field]));
    }

    private float[] EncodeWith(Func<FeatureEncoder, string?> valueOf)
    {
        var features = new float[Width];
        int offset = 0;
        foreach (var encoder in _encoders)
        {
            encoder.Write(valueOf(encoder), features.AsSpan(offset, encoder.Names.Count));
            offset += encoder.Names.Count;
        }
        return features;
    }
}
