using Collab.Models;
using Collab.Numerics;
using Collab.Training.Optimizers;

namespace Collab.Tests.Training.Optimizers;

public sealed class AdamTests
{
    [Fact]
    public void Two_steps_equal_a_hand_computation_with_decoupled_decay_and_current_beta1_debias()
    {
        var tensor = new ParameterTensor("w", 1, 2);
        tensor.Values[0] = 0.5f;
        tensor.Values[1] = -1.0f;
        var adam = new AdamOptimizer([tensor], new AdamOptions { Beta2 = 0.99, Epsilon = 1e-5 });
        double p0 = 0.5, p1 = -1.0, m0 = 0, m1 = 0, v0 = 0, v1 = 0;
        (double lr, double beta1, double g0, double g1)[] steps = [(0.01, 0.95, 0.2, -0.4), (0.02, 0.9, -0.1, 0.3)];
        for (int t = 1; t <= steps.Length; t++)
        {
            var (lr, beta1, g0, g1) = steps[t - 1];
            tensor.Gradients[0] = (float)g0;
            tensor.Gradients[1] = (float)g1;
            adam.Step(lr, beta1, weightDecay: 0.1);
            (p0, m0, v0) = HandStep(p0, m0, v0, g0, lr, beta1, t);
            (p1, m1, v1) = HandStep(p1, m1, v1, g1, lr, beta1, t);
            Assert.Equal(p0, tensor.Values[0], 1e-6);
            Assert.Equal(p1, tensor.Values[1], 1e-6);
            Assert.Equal(m0, adam.FirstMoment(0)[0], 1e-7);
            Assert.Equal(v1, adam.SecondMoment(0)[1], 1e-8);
            Assert.Equal(0f, tensor.Gradients[0]);
        }
    }

    [Fact]
    public void Rows_without_gradient_still_decay_and_move_by_momentum()
    {
        var tensor = new ParameterTensor("w", 2, 1);
        tensor.Values[0] = 1f;
        tensor.Values[1] = 1f;
        var adam = new AdamOptimizer([tensor], new AdamOptions());
        tensor.Gradients[0] = 1f;
        adam.Step(0.01, 0.9, 0.1);
        float afterFirst = tensor.Values[0];
        adam.Step(0.01, 0.9, 0.1); // no gradient now: momentum keeps moving row 0
        Assert.True(tensor.Values[0] < afterFirst * (1 - 0.01 * 0.1) - 1e-4);
        Assert.Equal(1.0 * (1 - 0.001) * (1 - 0.001), tensor.Values[1], 1e-7); // never-touched row: decay only
    }

    [Fact]
    public void Simd_kernel_agrees_with_the_scalar_reference()
    {
        var random = new SeededRandom(11);
        const int n = 1037; // not a multiple of any vector width, so the tail runs too
        float[] Make() => [.. Enumerable.Range(0, n).Select(_ => (float)random.NextGaussian())];
        var p = Make();
        var g = Make();
        var m = Make();
        var v = Make().Select(Math.Abs).ToArray();
        var (p2, g2, m2, v2) = ((float[])p.Clone(), (float[])g.Clone(), (float[])m.Clone(), (float[])v.Clone());
        var step = AdamStep.Create(3e-3, 0.87, 0.99, 1e-5, 0.1, 5, decay: true);
        AdamKernel.Step(p, g, m, v, step);
        AdamKernel.StepScalar(p2, g2, m2, v2, step);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(p2[i], p[i], 1e-6f);
            Assert.Equal(m2[i], m[i], 1e-7f);
            Assert.Equal(v2[i], v[i], 1e-7f);
            Assert.Equal(0f, g[i]);
        }
    }

    private static (double P, double M, double V) HandStep(double p, double m, double v, double g, double lr, double beta1, int t)
    {
        p *= 1 - lr * 0.1;
        m = beta1 * m + (1 - beta1) * g;
        v = 0.99 * v + 0.01 * g * g;
        p -= lr / (1 - Math.Pow(beta1, t)) * m / (Math.Sqrt(v / (1 - Math.Pow(0.99, t))) + 1e-5);
        return (p, m, v);
    }
}
