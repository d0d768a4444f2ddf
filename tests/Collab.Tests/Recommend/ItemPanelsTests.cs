using Collab.Models;
using Collab.Numerics;
using Collab.Recommend;
using Collab.Tests.Support;

namespace Collab.Tests.Recommend;

public sealed class ItemPanelsTests
{
    [Theory]
    [InlineData(1, 37, 5)]
    [InlineData(4, 16, 50)]
    [InlineData(7, 101, 3)]
    [InlineData(16, 250, 64)]
    public void The_vector_kernel_adds_the_same_dot_products_as_the_scalar_reference(int queries, int items, int factors)
    {
        var random = new SeededRandom((ulong)(queries * 1000 + items));
        var table = new ParameterTensor("items", items, factors);
        FoldedNormal.Fill(table.Values, random, std: 0.3f);
        var query = new float[queries * factors];
        FoldedNormal.Fill(query, random, std: 0.3f);
        var start = new float[queries * items];
        FoldedNormal.Fill(start, random, std: 1f);
        var panels = new ItemPanels(table);
        float[] vector = [.. start], scalar = [.. start];

        panels.AddDots(query, queries, vector, vectorized: true);
        panels.AddDots(query, queries, scalar, vectorized: false);

        // Every score is the start plus a dot product computed from scratch (brute force, in double).
        for (int q = 0; q < queries; q++)
        {
            for (int i = 0; i < items; i++)
            {
                double expected = start[q * items + i];
                for (int c = 0; c < factors; c++)
                    expected += (double)query[q * factors + c] * table.Row(i)[c];
                Close.Equal(expected, scalar[q * items + i], 1e-4, $"scalar score of query {q}, item {i}");
            }
        }
        Close.All(scalar, vector, 1e-4, "vector against scalar scores");
    }
}
