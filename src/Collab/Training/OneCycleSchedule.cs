namespace Collab.Training;

/// <summary>
/// fastai v2's one-cycle policy (spec rule 35): with pos = j / N, a cosine warm-up of the lr from lr_max/div
/// to lr_max over the first <c>PctStart</c> of the batches, then a cosine decay to lr_max/div_final; β1 goes
/// the opposite way, 0.95 → 0.85 → 0.95.
/// </summary>
public sealed record OneCycleSchedule(double LrMax, int TotalBatches)
{
    /// <summary>Share of batches in the warm-up. <value>Default: 0.25.</value></summary>
    public double PctStart { get; init; } = CollabDefaults.PctStart;

    /// <summary>Start lr = LrMax / Div. <value>Default: 25.</value></summary>
    public double Div { get; init; } = CollabDefaults.Div;

    /// <summary>Final lr = LrMax / DivFinal. <value>Default: 1e5.</value></summary>
    public double DivFinal { get; init; } = CollabDefaults.DivFinal;

    /// <summary>β1 at the start, at the peak lr and at the end. <value>Default: (0.95, 0.85, 0.95).</value></summary>
    public (double Start, double Middle, double End) Moms { get; init; } = CollabDefaults.Moms;

    /// <summary>The lr and β1 for 0-based global batch <paramref name="batch"/>.</summary>
    public (double LearningRate, double Momentum) At(int batch)
    {
        double pos = (double)batch / TotalBatches;
        if (pos < PctStart)
        {
            double p = pos / PctStart;
            return (CosineAnneal(LrMax / Div, LrMax, p), CosineAnneal(Moms.Start, Moms.Middle, p));
        }
        double q = (pos - PctStart) / (1 - PctStart);
        return (CosineAnneal(LrMax, LrMax / DivFinal, q), CosineAnneal(Moms.Middle, Moms.End, q));
    }

    /// <summary>Cosine from <paramref name="start"/> (p = 0) to <paramref name="end"/> (p = 1).</summary>
    public static double CosineAnneal(double start, double end, double p) =>
        start + (1 + Math.Cos(Math.PI * (1 - p))) * (end - start) / 2;
}
