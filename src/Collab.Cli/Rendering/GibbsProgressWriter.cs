using System.Globalization;
using Collab.Training.Bayesian;

namespace Collab.Cli.Rendering;

/// <summary>The Gibbs chain's progress, one line every sixteenth of the chain (and the last sweep), as it runs.</summary>
internal sealed class GibbsProgressWriter(TextWriter output) : IProgress<GibbsSweep>
{
    private double _lastValid = double.NaN;

    public void Report(GibbsSweep value)
    {
        if (!double.IsNaN(value.ValidRmse))
            _lastValid = value.ValidRmse;
        int every = Math.Max(1, value.Sweeps / 16);
        if (value.Sweep == 1)
            output.WriteLine("sweep    kept  train_rmse  valid_rmse  noise_sd  time");
        if (value.Sweep % every != 0 && value.Sweep != value.Sweeps && value.Sweep != 1)
            return;
        var valid = double.IsNaN(_lastValid) ? "-" : _lastValid.ToString("F4", CultureInfo.InvariantCulture);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{$"{value.Sweep}/{value.Sweeps}",-8} {value.Kept,4}  {value.TrainRmse,10:F4}  {valid,10}  {value.NoiseStd,8:F4}  {value.Seconds:F2} s"));
    }
}
