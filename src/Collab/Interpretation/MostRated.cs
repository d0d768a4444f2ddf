namespace Collab.Interpretation;

/// <summary>
/// The rows with the most training ratings (fastai's analysis uses the 1000 most rated titles, spec rule 49):
/// rarely rated rows have weights that mostly reflect their initialisation and weight decay.
/// </summary>
internal static class MostRated
{
    public static int[] Rows(ReadOnlySpan<int> counts, int take)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        var rows = new List<int>(counts.Length);
        for (int r = 0; r < counts.Length; r++)
        {
            if (counts[r] > 0)
                rows.Add(r);
        }
        var array = counts.ToArray();
        return [.. rows.OrderByDescending(r => array[r]).ThenBy(r => r).Take(take)];
    }
}
