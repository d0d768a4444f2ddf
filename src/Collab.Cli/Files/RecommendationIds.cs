using System.Globalization;
using Collab.Persistence;

namespace Collab.Cli.Files;

/// <summary>
/// Whether a model's user and item ids are all integers, so a Parquet file of its recommendations can store them as
/// int64 (what Spark's ALS and most joins expect) rather than text.
/// </summary>
internal sealed record RecommendationIds(bool IntegerUsers, bool IntegerItems)
{
    public static RecommendationIds Of(TrainedModel trained) =>
        new(AllIntegers(trained.Users.Ids), AllIntegers(trained.Items.Ids));

    // Index 0 is #na#, never recommended nor asked about. An id counts only if it reads back as written ("007" does not).
    private static bool AllIntegers(IReadOnlyList<string> ids) =>
        ids.Skip(1).All(id => long.TryParse(id, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            && value.ToString(CultureInfo.InvariantCulture) == id);
}
