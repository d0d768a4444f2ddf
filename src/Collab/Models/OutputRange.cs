namespace Collab.Models;

/// <summary>
/// fastai's <c>y_range</c>: predictions are squeezed into (Low, High) by a scaled sigmoid,
/// <c>Low + (High - Low) · σ(r)</c>.
/// </summary>
public readonly record struct OutputRange(float Low, float High)
{
    /// <summary>Width of the range.</summary>
    public float Width => High - Low;

    /// <summary>The default range, <see cref="CollabDefaults.YRange"/>: the lesson's (0, 5.5).</summary>
    public static OutputRange Lesson { get; } = new(CollabDefaults.YRange.Low, CollabDefaults.YRange.High);

    /// <summary>Parses "low,high" (for example "0,5.5").</summary>
    public static OutputRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',', ':');
        if (parts.Length != 2
            || !float.TryParse(parts[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out float low)
            || !float.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out float high)
            || !(low < high))
        {
            throw new FormatException($"'{text}' is not a range: write two numbers low,high with low < high, e.g. 0,5.5.");
        }
        return new OutputRange(low, high);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Low},{High}");
}
