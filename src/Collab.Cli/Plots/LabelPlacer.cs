namespace Collab.Cli.Plots;

/// <summary>
/// Places text labels beside scatter points so that no two overlap: each label tries its own line first, then the
/// lines just above and below, and is left out when the neighbourhood is full. Works in pixels estimated from the
/// data range and the plot's size (the font's average character width and line height).
/// </summary>
internal sealed class LabelPlacer(double xMin, double xMax, double yMin, double yMax, double widthPixels, double heightPixels)
{
    // An 11-point label: about 6.6 pixels per character, 15 per line.
    public const double CharWidth = 6.6, LineHeight = 15;

    private static readonly int[] Steps = [0, -1, 1, -2, 2, -3, 3];

    private readonly List<Box> _taken = [];

    /// <summary>
    /// The vertical pixel offset for a label of <paramref name="characters"/> characters anchored at (x, y), growing to
    /// the right or the left of it; null when every nearby line is taken.
    /// </summary>
    public float? Place(double x, double y, int characters, bool growsRight)
    {
        double px = (x - xMin) / (xMax - xMin) * widthPixels;
        double py = (yMax - y) / (yMax - yMin) * heightPixels;
        double width = characters * CharWidth;
        foreach (int step in Steps)
        {
            double bottom = py + step * LineHeight;
            var box = growsRight ? new Box(px, bottom - LineHeight, px + width, bottom) : new Box(px - width, bottom - LineHeight, px, bottom);
            if (_taken.Any(t => t.Overlaps(box)))
                continue;
            _taken.Add(box);
            return (float)(step * LineHeight);
        }
        return null;
    }

    /// <summary>The boxes placed so far, in pixels.</summary>
    public IReadOnlyList<Box> Placed => _taken;

    /// <summary>A label's rectangle in pixels, y growing downwards.</summary>
    public readonly record struct Box(double Left, double Top, double Right, double Bottom)
    {
        public bool Overlaps(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
    }
}
