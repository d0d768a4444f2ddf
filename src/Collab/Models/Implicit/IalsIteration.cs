namespace Collab.Models.Implicit;

/// <summary>What one sweep of <see cref="IalsTrainer"/> did: reported after the item rows are solved.</summary>
/// <param name="Iteration">The sweep just finished, from 0.</param>
/// <param name="Seconds">Wall time of the sweep (both half-steps; the loss excluded).</param>
/// <param name="Loss">The full training objective after the sweep (see <see cref="IalsOptions"/>), or NaN when not computed.</param>
public readonly record struct IalsIteration(int Iteration, double Seconds, double Loss);
