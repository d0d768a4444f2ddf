using System.Numerics.Tensors;
using Cloud.Unum.USearch;
using Collab.Numerics;
using Collab.Recommend.Approximate;

namespace Collab.Tests.Recommend.Approximate;

public sealed class MipsTransformTests
{
    private const int K = 12;
    private const int Items = 2_000;
    private static readonly SeededRandom Random = new(11);
    private static readonly float[] Factors = Gaussian(Items * K);
    private static readonly float[] Bias = Gaussian(Items);
    private static readonly int[] Rows = [.. Enumerable.Range(0, Items)];

    [Fact]
    public void A_transformed_query_and_item_have_the_inner_product_u_v_plus_b()
    {
        var items = MipsTransform.Items(Factors, Bias, K, Rows);
        for (int q = 0; q < 20; q++)
        {
            var user = Gaussian(K);
            var query = MipsTransform.Query(user);
            foreach (int i in (int[])[0, 1, 500, Items - 1])
                Support.Close.Equal(TensorPrimitives.Dot(user, Factors.AsSpan(i * K, K)) + Bias[i], TensorPrimitives.Dot(query, items[i]), 1e-5, $"item {i}");
        }
    }

    [Fact]
    public void The_index_over_transformed_rows_finds_the_brute_force_best_by_u_v_plus_b()
    {
        var index = new VectorIndex(MetricKind.Ip, MipsTransform.Items(Factors, Bias, K, Rows), Rows, new ApproximateOptions());
        double hits = 0;
        const int Queries = 50;
        for (int q = 0; q < Queries; q++)
        {
            var user = Gaussian(K);
            var truth = Rows.OrderByDescending(i => TensorPrimitives.Dot(user, Factors.AsSpan(i * K, K)) + Bias[i]).Take(10).ToHashSet();
            var found = index.Nearest(MipsTransform.Query(user), 100, 0, _ => true)!;
            hits += found.Take(100).Count(truth.Contains) / 10.0;
        }
        Assert.True(hits / Queries >= 0.99, $"recall@10 of 100 candidates: {hits / Queries:F3}");
    }

    [Fact]
    public void The_same_rows_build_the_same_graph_and_a_query_gets_the_same_answer_each_time()
    {
        var items = MipsTransform.Items(Factors, Bias, K, Rows);
        var first = new VectorIndex(MetricKind.Ip, items, Rows, new ApproximateOptions());
        var second = new VectorIndex(MetricKind.Ip, items, Rows, new ApproximateOptions());
        for (int q = 0; q < 20; q++)
        {
            var query = MipsTransform.Query(Gaussian(K));
            var answer = first.Nearest(query, 30, 0, _ => true);
            Assert.Equal(answer, first.Nearest(query, 30, 0, _ => true));
            Assert.Equal(answer, second.Nearest(query, 30, 0, _ => true));
        }
    }

    [Fact]
    public void The_search_widens_past_rejected_rows_and_gives_up_once_it_would_cover_the_index()
    {
        var index = new VectorIndex(MetricKind.Ip, MipsTransform.Items(Factors, Bias, K, Rows), Rows, new ApproximateOptions());
        var query = MipsTransform.Query(Gaussian(K));
        var odd = index.Nearest(query, 40, 0, r => r % 2 == 1)!;
        Assert.True(odd.Length >= 40);
        Assert.All(odd, r => Assert.Equal(1, r % 2));
        Assert.Null(index.Nearest(query, 10, 0, r => r < 5));
    }

    private static float[] Gaussian(int length) => [.. Enumerable.Range(0, length).Select(_ => (float)Random.NextGaussian())];
}
