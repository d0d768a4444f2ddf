using System.Globalization;

namespace Collab.ColdStart.Metadata;

/// <summary>The learned encoding of one metadata column: its feature names and how a value sets them.</summary>
internal sealed class FeatureEncoder
{
    private readonly FeatureColumn _column;
    private readonly Dictionary<string, int> _slots;
    private readonly double _mean;
    private readonly double _spread;

    private FeatureEncoder(FeatureColumn column, int field, Dictionary<string, int> slots, double mean, double spread)
    {
        _column = column;
        Field = field;
        _slots = slots;
        _mean = mean;
        _spread = spread;
        Names = column.Kind == FeatureKind.Number
            ? [column.Name]
            : [.. slots.OrderBy(s => s.Value).Select(s => $"{column.Name}={s.Key}")];
    }

    /// <summary>The column's field in the source rows.</summary>
    public int Field { get; }

    /// <summary>The names of the features this column yields.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Decides the encoding (and the kind when <see cref="FeatureKind.Auto"/>) from a column's values.</summary>
    public static FeatureEncoder Learn(FeatureColumn column, int field, IEnumerable<string> values)
    {
        var all = values.ToList();
        if (column.Kind == FeatureKind.Auto)
        {
            var kind = all.Any(v => v.Contains('|', StringComparison.Ordinal)) ? FeatureKind.Tags
                : all.All(v => v.Length == 0 || TryNumber(v, out _)) ? FeatureKind.Number
                : FeatureKind.Category;
            column = column with { Kind = kind };
        }
        if (column.Kind == FeatureKind.Number)
        {
            var numbers = all.Select(v => TryNumber(v, out double x) ? x : double.NaN).Where(double.IsFinite).ToArray();
            double mean = numbers.Length == 0 ? 0 : numbers.Average();
            double spread = numbers.Length < 2 ? 1 : Math.Sqrt(numbers.Sum(x => (x - mean) * (x - mean)) / (numbers.Length - 1));
            return new FeatureEncoder(column, field, [], mean, spread > 0 ? spread : 1);
        }
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in all.SelectMany(v => Keys(column, v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            slots[key] = slots.Count;
        return new FeatureEncoder(column, field, slots, 0, 1);
    }

    /// <summary>Writes this column's features for one value into <paramref name="features"/>.</summary>
    public void Write(string? value, Span<float> features)
    {
        value ??= "";
        if (_column.Kind == FeatureKind.Number)
        {
            features[0] = TryNumber(value, out double x) ? (float)((x - _mean) / _spread) : 0f;
            return;
        }
        foreach (var key in Keys(_column, value))
        {
            if (_slots.TryGetValue(key, out int slot))
                features[slot] = 1f;
        }
    }

    private static IEnumerable<string> Keys(FeatureColumn column, string value)
    {
        switch (column.Kind)
        {
            case FeatureKind.Tags:
                foreach (var tag in value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                    yield return tag;
                break;
            case FeatureKind.Prefix:
                if (value.Length > 0)
                    yield return value[..Math.Min(value.Length, (int)column.Argument)];
                break;
            case FeatureKind.Bucket:
                if (TryNumber(value, out double x))
                    yield return (Math.Floor(x / column.Argument) * column.Argument).ToString(CultureInfo.InvariantCulture);
                break;
            default:
                if (value.Length > 0)
                    yield return value;
                break;
        }
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
