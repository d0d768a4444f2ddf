namespace Collab.Data;

/// <summary>
/// Which parsed ratings the readers accept: finite numbers no larger in magnitude than <see cref="MaxMagnitude"/>.
/// Beyond that a value is not a rating (often a timestamp or an id in the rating column), and its square overflows
/// the float arithmetic of training into an infinite or NaN loss.
/// </summary>
internal static class RatingValues
{
    /// <summary>The largest rating magnitude accepted: far above any rating scale or count, below every Unix time since 2001.</summary>
    public const float MaxMagnitude = 1e9f;

    public static bool IsPlausible(float rating) => float.IsFinite(rating) && MathF.Abs(rating) <= MaxMagnitude;

    /// <summary>What is wrong with a parsed rating, as the end of a sentence that names it; null when it is fine.</summary>
    public static string? Problem(float rating, ReadOnlySpan<char> text)
    {
        if (float.IsNaN(rating))
            return "is not a finite number (NaN). Ratings must be ordinary numbers: fix the value or drop the line.";
        if (float.IsInfinity(rating))
        {
            bool literal = text.Contains("inf", StringComparison.OrdinalIgnoreCase) || text.Contains('∞');
            return literal
                ? "is not a finite number (infinite). Ratings must be ordinary numbers: fix the value or drop the line."
                : "is not a finite number: it is beyond the range of a float (about ±3.4e38). Fix the value, or choose the rating column with --rating-col.";
        }
        if (MathF.Abs(rating) > MaxMagnitude)
        {
            return "is an absurd magnitude for a rating (beyond ±1e9; a timestamp or an id in the rating column?). "
                + "Fix the value, or choose the rating column with --rating-col.";
        }
        return null;
    }
}
