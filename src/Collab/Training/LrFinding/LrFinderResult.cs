
namespace Collab.Training.LrFinding;

/// <summary>
/// What a learning-rate sweep measured: the smoothed loss at each learning rate, and the two classic
/// suggestions. <see cref="Suggestion"/> is the minimum / 10 (the lesson's rule of thumb: an order of magnitude
/// below where the loss is lowest). The steepest slope is given beside it; on collab data it sits close to the
/// minimum, where a whole one-cycle fit is already less stable (docs/recommend.md has measurements).
/// </summary>
/// <param name="LearningRates">The lr of each batch of the sweep.</param>
/// <param name="Losses">The smoothed training loss after each batch (fastai plots these).</param>
/// <param name="Diverged">Whether the sweep stopped because the loss blew up, before the last iteration.</param>
/// <param name="SteepestSlope">Where the loss fell fastest per decade of lr, before its minimum (null when it never fell).</param>
/// <param name="MinimumOverTen">The lr at the lowest loss, divided by 10.</param>
public sealed record LrFinderResult(
    IReadOnlyList<double> LearningRates,
    IReadOnlyList<double> Losses,
    bool Diverged,
    LrSuggestion? SteepestSlope,
    LrSuggestion MinimumOverTen)
{
    /// <summary>The rate to use, with its rule.</summary>
    public LrSuggestion Suggestion => MinimumOverTen;
}
