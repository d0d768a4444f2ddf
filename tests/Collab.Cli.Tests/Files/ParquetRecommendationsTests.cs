using Collab.Cli.Files;
using Collab.Recommend;
using Collab.Tests.Support;
using Parquet;

namespace Collab.Cli.Tests.Files;

public sealed class ParquetRecommendationsTests
{
    [Fact]
    public void Text_ids_and_many_row_groups_read_back_in_order()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("recs.parquet");
        var rankings = Enumerable.Range(0, 5).Select(u => new Ranking($"user {u}", RankingKind.Recommendations, true,
            [.. Enumerable.Range(0, 3).Select(i => new ScoredId($"item-{u}-{i}", 5f - i, 1))]));
        AtomicFile.Write(path, stream => ParquetRecommendations.Write(stream, rankings, null, new RecommendationIds(false, false), groupRows: 4));
        var (groups, rows) = Read(path);
        Assert.Equal(4, groups);
        Assert.Equal(15, rows.Count);
        Assert.Equal(("user 1", 2, "item-1-1", 4f), rows[4]);
        Assert.Equal(("user 4", 3, "item-4-2", 3f), rows[^1]);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void No_recommendations_still_make_a_readable_file()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("none.parquet");
        AtomicFile.Write(path, stream => ParquetRecommendations.Write(stream, [], null, new RecommendationIds(false, false)));
        Assert.Empty(Read(path).Rows);
    }

    [Fact]
    public void A_failed_write_leaves_no_file_behind()
    {
        using var folder = new TempFolder();
        var path = folder.Combine("broken.parquet");
        IEnumerable<Ranking> Failing()
        {
            yield return new Ranking("1", RankingKind.Recommendations, true, [new ScoredId("2", 1f, 1)]);
            throw new IOException("disk full");
        }
        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream => ParquetRecommendations.Write(stream, Failing(), null, new RecommendationIds(true, true))));
        Assert.Empty(Directory.GetFiles(folder.Path));
    }

    private static (int Groups, List<(string User, int Rank, string Item, float Predicted)> Rows) Read(string path) => ReadAsync(path).GetAwaiter().GetResult();

    private static async Task<(int, List<(string, int, string, float)>)> ReadAsync(string path)
    {
        await using var reader = await ParquetReader.CreateAsync(path);
        var fields = reader.Schema.DataFields;
        Assert.Equal(["user", "rank", "item", "predicted"], fields.Select(f => f.Name));
        var rows = new List<(string, int, string, float)>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            int count = (int)group.RowCount;
            var users = new string?[count];
            var ranks = new int[count];
            var items = new string?[count];
            var scores = new float[count];
            await group.ReadAsync(fields[0], users.AsMemory()!);
            await group.ReadAsync<int>(fields[1], ranks);
            await group.ReadAsync(fields[2], items.AsMemory()!);
            await group.ReadAsync<float>(fields[3], scores);
            for (int r = 0; r < count; r++)
                rows.Add((users[r]!, ranks[r], items[r]!, scores[r]));
        }
        return (reader.RowGroupCount, rows);
    }
}
