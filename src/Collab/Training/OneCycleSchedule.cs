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
        // lr and β1 share the phase, so one cosine serves both (the Learner asks once per batch).
        if (pos < PctStart)
        {
            double rise = Weight(pos / PctStart);
            return (Anneal(LrMax / Div, LrMax, rise), Anneal(Moms.Start, Moms.Middle, rise));
        }
        double fall = Weight((pos - PctStart) / (1 - PctStart));
        return (Anneal(LrMax, LrMax / DivFinal, fall), Anneal(Moms.Middle, Moms.End, fall));
    }

    /// <summary>Cosine from <paramref name="start"/> (p = 0) to <paramref name="end"/> (p = 1).</summary>
    public static double CosineAnneal(double start, double end, double p) => Anneal(start, end, Weight(p));

    private static double Weight(double p) => 1 + Math.Cos(Math.PI * (1 - p));

    private static double Anneal(double start, double end, double weight) => start + weight * (end - start) / 2;
}
