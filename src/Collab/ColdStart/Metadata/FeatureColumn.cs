using System.Globalization;

namespace Collab.ColdStart.Metadata;

/// <summary>
/// One metadata column and how to encode it, written <c>name</c>, <c>name:kind</c> or <c>name:kind:argument</c>
/// (for example <c>genres:tags</c>, <c>year:bucket:10</c>, <c>zip:prefix:1</c>, <c>age:number</c>).
/// </summary>
/// <param name="Name">The column name (as in the file's header).</param>
/// <param name="Kind">How the column is encoded.</param>
/// <param name="Argument">The prefix length or bucket width (0 when the kind takes none).</param>
public sealed record FeatureColumn(string Name, FeatureKind Kind = FeatureKind.Auto, double Argument = 0)
{
    /// <summary>MovieLens items: genres as tags, and the release year both by decade and as a number.</summary>
    public static IReadOnlyList<FeatureColumn> MovieLensItems { get; } =
        [new("genres", FeatureKind.Tags), new("year", FeatureKind.Bucket, 10), new("year", FeatureKind.Number)];

    /// <summary>
    /// MovieLens items as the Bayesian factorization machine takes them: genres as tags and the release decade, all
    /// indicators (a year as a raw number would dwarf every other feature of a factorization machine).
    /// </summary>
    public static IReadOnlyList<FeatureColumn> MovieLensItemIndicators { get; } =
        [new("genres", FeatureKind.Tags), new("year", FeatureKind.Bucket, 10)];

    /// <summary>MovieLens users: age by decade, gender, occupation, and the first digit of the zip code (a US region).</summary>
    public static IReadOnlyList<FeatureColumn> MovieLensUsers { get; } =
        [new("age", FeatureKind.Bucket, 10), new("gender", FeatureKind.Category), new("occupation", FeatureKind.Category), new("zip", FeatureKind.Prefix, 1)];

    /// <summary>Parses <c>name[:kind[:argument]]</c>; kinds: auto, number, category, tags, prefix (length, default 1), bucket (width, default 10).</summary>
    /// <exception cref="FormatException">The text does not name a column and a known kind.</exception>
    public static FeatureColumn Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':', StringSplitOptions.TrimEntries);
        if (parts.Length > 3 || parts[0].Length == 0)
            throw new FormatException($"'{text}' is not a feature column: write name, name:kind or name:kind:argument (e.g. year:bucket:10).");
        if (parts.Length == 1)
            return new FeatureColumn(parts[0]);
        if (!Enum.TryParse<FeatureKind>(parts[1], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            throw new FormatException($"'{parts[1]}' in '{text}' is not a feature kind: use auto, number, category, tags, prefix or bucket.");
        double argument = kind switch
        {
            FeatureKind.Prefix => 1,
            FeatureKind.Bucket => 10,
            _ => 0,
        };
        if (parts.Length == 3 && (!double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out argument) || !(argument > 0)))
            throw new FormatException($"'{parts[2]}' in '{text}' is not a positive number (the prefix length or bucket width).");
        if (parts.Length == 3 && kind is not (FeatureKind.Prefix or FeatureKind.Bucket))
            throw new FormatException($"'{text}': only prefix and bucket columns take an argument.");
        return new FeatureColumn(parts[0], kind, argument);
    }

    /// <inheritdoc />
    public override string ToString() => Argument > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Name}:{Kind.ToString().ToLowerInvariant()}:{Argument}")
        : $"{Name}:{Kind.ToString().ToLowerInvariant()}";
}
