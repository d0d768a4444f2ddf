using Collab.Models;

namespace Collab.Tests.Models;

public sealed class ParameterTensorTests
{
    [Fact]
    public void Released_gradients_come_back_zeroed_and_full_length()
    {
        var tensor = new ParameterTensor("w", rows: 3, columns: 4);
        tensor.Gradients[5] = 2f;
        tensor.ReleaseGradients();
        Assert.Equal(12, tensor.Gradients.Length);
        Assert.All(tensor.Gradients, g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Every_thread_gets_the_same_gradient_buffer()
    {
        var tensor = new ParameterTensor("w", rows: 1000, columns: 50);
        var seen = new float[8][];
        Parallel.For(0, seen.Length, t => seen[t] = tensor.Gradients);
        Assert.All(seen, buffer => Assert.Same(seen[0], buffer));
    }
}
