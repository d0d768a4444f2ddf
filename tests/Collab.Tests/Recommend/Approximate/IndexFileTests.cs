using Cloud.Unum.USearch;
using Collab.Numerics;
using Collab.Recommend.Approximate;
using Collab.Tests.Support;

namespace Collab.Tests.Recommend.Approximate;

public sealed class IndexFileTests
{
    private static readonly ApproximateOptions Options = new();

    [Fact]
    public void A_kept_index_is_reopened_with_the_same_answers_and_a_changed_model_gets_a_new_file()
    {
        using var folder = new TempFolder();
        string prefix = folder.Combine("model.collab");
        var (vectors, rows) = Vectors(seed: 1);
        var built = IndexFile.OpenOrBuild(prefix, "scores", MetricKind.Ip, vectors, rows, Options);
        var file = Assert.Single(Directory.GetFiles(folder.Path));
        Assert.StartsWith("model.collab.scores-", Path.GetFileName(file));

        var reopened = IndexFile.OpenOrBuild(prefix, "scores", MetricKind.Ip, vectors, rows, Options);
        Assert.Equal(built.Count, reopened.Count);
        var query = vectors[7];
        Assert.Equal(built.Nearest(query, 20, 0, _ => true), reopened.Nearest(query, 20, 0, _ => true));

        var (changed, _) = Vectors(seed: 2);
        IndexFile.OpenOrBuild(prefix, "scores", MetricKind.Ip, changed, rows, Options);
        Assert.NotEqual(file, Assert.Single(Directory.GetFiles(folder.Path)));
    }

    [Fact]
    public void Without_a_prefix_the_index_is_built_in_memory()
    {
        var (vectors, rows) = Vectors(seed: 3);
        var index = IndexFile.OpenOrBuild(null, "scores", MetricKind.Ip, vectors, rows, Options);
        Assert.Equal(vectors.Length, index.Count);
    }

    private static (float[][] Vectors, int[] Rows) Vectors(ulong seed)
    {
        var random = new SeededRandom(seed);
        var vectors = Enumerable.Range(0, 500).Select(_ => Enumerable.Range(0, 9).Select(_ => (float)random.NextGaussian()).ToArray()).ToArray();
        return (vectors, [.. Enumerable.Range(1, 500)]);
    }
}
