namespace Collab.Models;

/// <summary>
/// The last activation every rating model shares: the scaled sigmoid of fastai's y_range, or the identity,
/// and its derivative for the backward pass.
/// </summary>
internal static class OutputActivation
{
    public static float Sigmoid(float x) => 1f / (1f + MathF.Exp(-x));

    public static float Apply(OutputRange? range, float raw) =>
        range is { } r ? r.Low + r.Width * Sigmoid(raw) : raw;

    /// <summary>The prediction, with dŷ/draw in <paramref name="slope"/>.</summary>
    public static float Apply(OutputRange? range, float raw, out float slope)
    {
        if (range is not { } r)
        {
            slope = 1f;
            return raw;
        }
        float s = Sigmoid(raw);
        slope = r.Width * s * (1f - s);
        return r.Low + r.Width * s;
    }
}
